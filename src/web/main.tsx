import './styles/public.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { isLanguage } from './i18n/languages.ts';
import { initialLanguage, startI18n } from './i18n/setup.ts';

// A per-language address (/ar, /fr) opens in that language from the first paint.
const addressed = /^\/([a-z]{2,3})\/?$/.exec(window.location.pathname)?.[1];
await startI18n(isLanguage(addressed) ? addressed : initialLanguage());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
