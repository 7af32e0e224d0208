import { Component, type ReactNode } from 'react';
import { Alert, Button, Center, Stack } from '@mantine/core';
import i18n from '../i18n';

/** A screen that fails to render shows a message and a way out, not a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Center mih="60vh" px="md" data-testid="app-error">
        <Stack maw={460}>
          <Alert color="red" title={i18n.t('errors.title')}>{i18n.t('errors.generic')}</Alert>
          <Button onClick={() => window.location.assign('/')}>{i18n.t('status.home')}</Button>
        </Stack>
      </Center>
    );
  }
}
