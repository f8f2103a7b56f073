// initialUrl must be first: it captures the link's state and runs before TensorFlow.js reads location.search.
import { initialState } from './initialUrl';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { TranslationProvider } from './i18n/useT';
import { initTheme } from './theme';
import './styles.css';
import './touch.css';
import { App } from './App';
import { UpdatePrompt } from './offline/UpdatePrompt';
import { registerOffline } from './offline/registerOffline';

initTheme(); // before the first render: the page never flashes the other theme
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <TranslationProvider>
      <App initialState={initialState} />
      <UpdatePrompt />
    </TranslationProvider>
  </StrictMode>,
);
// the production build's service worker (offline use); never on the dev server
registerOffline();
