/**
 * 引擎路径（设置与状态栏）的中文文案，以 `engine: engineZh` 并入 zh.ts。
 * 键与 engine.en.ts 相同。
 */
export const engineZh = {
  label: '引擎',
  choice: {
    auto: '自动（本机最快）',
    js: 'JavaScript',
    webgl: 'WebGL（TensorFlow.js）',
    cpu: 'CPU（TensorFlow.js）',
  },
  hint: '“自动”会为本设备和当前规模选择最快的路径；状态栏会说明用了哪条路径及原因。',
  path: {
    js: 'JavaScript',
    webgl: 'WebGL{{version}}（TensorFlow.js）',
    cpu: 'CPU（TensorFlow.js）',
  },
  why: '自动（原因）',
  reason: {
    chosen: '在设置中指定',
    softwareWebgl: '自动（尚未在本设备上实测）：此处的 WebGL 是软件渲染器（{{renderer}}），比纯 JavaScript 慢',
    noWebgl: '此浏览器没有 WebGL：纯 JavaScript 是唯一的快速路径，无需实测',
    gpuFault: 'GPU 出错后暂不使用 WebGL，待其通过核对',
    float16Long: '此 GPU 以 float16 计算，位置只在 2048 以内精确：改用纯 JavaScript 以得到正确数值',
    small: '自动（尚未在本设备上实测）：在这个规模下，GPU 调度和回读的开销大于计算本身',
    large: '自动（尚未在本设备上实测）：规模足够大，适合 GPU',
    calibratedJs: '自动（已在本设备上实测）：在这个规模下纯 JavaScript 更快',
    calibratedWebgl: '自动（已在本设备上实测）：在这个规模下 WebGL 更快',
  },
  calibration: {
    figures: '在 {{renderer}} 上实测：JavaScript {{js}}；WebGL {{webgl}}',
    cost: '每单元 {{perCell}} 微秒 + {{fixed}} 毫秒',
    perCell: '每单元 {{perCell}} 微秒',
    noWebgl: '未能启动',
  },
  onPage: {
    mask: '在页面中计算（只改了掩码或修饰项：沿用 Q、K、V 和分数）',
    whole: '在页面中计算（规模小，无需工作线程）',
  },
  preparing: '正在准备 GPU 引擎（编译着色器）…',
  progress: '计算中… {{percent}}%',
  onDemand: '规模较大：各头在显示时才计算（已完成 {{count}} / {{total}}）',
  headPending: '正在计算批次样本 {{batch}} 的头 {{head}}…',
  notComputed: '尚未计算：点击即可计算',
  exportNeedsAllHeads: '导出需要计算所有的头：在这个规模下只计算屏幕上显示的头。请减小长度或头数后再导出。',
  workers: '各头由 {{count}} 个工作线程分担，每个核心一个',
  simd: '矩阵乘法使用 WebAssembly SIMD',
  preparingCpu: '正在加载 TensorFlow.js（CPU 后端）…',
  projecting: '正在为显示的头计算 Q、K、V 投影…',
  fault: {
    contextLost: 'GPU 的 WebGL 上下文丢失了。丢失之后算出的结果一律不显示；数值正用纯 JavaScript 重新计算。',
    stalled: '引擎已 {{seconds}} 秒没有报告进度，已重启；数值正用纯 JavaScript 重新计算。',
    crashed: '引擎 worker 崩溃了（{{reason}}），已重启；数值正用纯 JavaScript 重新计算。',
    restored: 'WebGL 已恢复：它通过了与 float64 参考实现的核对，重新启用。',
    checkFailed: 'WebGL 仍暂不使用：{{detail}}。纯 JavaScript 给出相同的数值，只是慢些；刷新页面可再试 GPU。',
    checking: 'WebGL 通过与 float64 参考实现的核对后才会重新启用。',
    dismiss: '关闭',
  },
};
