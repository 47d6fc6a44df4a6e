import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/styles.css';
import { preloadValidatorWhenIdle } from './core/tools/validate';

// Lazily loaded engines the first tool call needs, fetched while the user reads the empty page.
preloadValidatorWhenIdle();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
