import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startI18n, switchLanguage } from './i18n';
import { currentLanguage, restoreSession } from './session/session-store';
import './styles.css';

async function start(): Promise<void> {
  await startI18n(currentLanguage());
  // A reload keeps the session through the HttpOnly refresh cookie; the screen waits for that answer.
  void restoreSession().then(() => switchLanguage(currentLanguage()));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
