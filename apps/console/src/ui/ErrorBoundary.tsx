import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18next } from '../i18n';

/** No blank screens: a screen that throws while rendering shows a sentence and a way back. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('screen failed', error, info.componentStack);
  }

  override componentDidUpdate(previous: { resetKey?: string }): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="panel error-panel">
        <h1>{i18next.t('common:errors.screenTitle')}</h1>
        <p>{i18next.t('common:errors.screenBody')}</p>
        <p>
          <a href="/">{i18next.t('common:nav.work')}</a>
        </p>
      </div>
    );
  }
}
