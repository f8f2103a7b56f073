/**
 * English strings of offline use (issue #12 §4), the `offline.` namespace: the prompt shown when
 * a new deployment is installed (src/ui/offline/UpdatePrompt.tsx). Merged as `offline: offlineEn`
 * into en.ts; keys shared with offline.zh.ts.
 */
export const offlineEn = {
  updateReady: 'A new version of Maskscope is ready.',
  updateHint: 'Reload when it suits you: your settings are in the link and stay as they are.',
  reload: 'Reload',
  later: 'Later',
};
