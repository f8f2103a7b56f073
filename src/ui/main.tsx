// initialUrl must be first: it captures the link's state and runs before TensorFlow.js reads location.search.
import { initialState } from './initialUrl';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { initTheme } from './theme';
import './styles.css';
import { App } from './App';

initTheme(); // before the first render: the page never flashes the other theme
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App initialState={initialState} />
  </StrictMode>,
);
