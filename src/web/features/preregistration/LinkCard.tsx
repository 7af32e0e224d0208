import { useState } from 'react';
import { Alert, Anchor, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconFile, IconPlus } from '../../shell/icons';
import { POSTER_URL, useLink, useLinkChange } from './api';

/** The lodging's pre-registration link: show, copy, print as a poster, replace or turn off. */
export function LinkCard() {
  const { t } = useTranslation();
  const link = useLink();
  const change = useLinkChange();
  const [sure, setSure] = useState<'rotate' | 'revoke' | null>(null);
  const current = link.data?.link ?? null;
  const act = (action: 'rotate' | 'revoke') => {
    if (current && sure !== action) { setSure(action); return; }
    setSure(null);
    change.mutate(action);
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid="prereg-link-card">
      <Stack gap="sm">
        <Title order={4}>{t('prereg.linkTitle')}</Title>
        <Text size="sm" c="dimmed">{t('prereg.linkHelp')}</Text>
        {current ? (
          <>
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput readOnly value={current.url} style={{ flex: 1 }} data-testid="prereg-link-url" aria-label={t('prereg.linkTitle')} />
              <CopyButton value={current.url}>
                {({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? t('prereg.copied') : t('prereg.copy')}</Button>}
              </CopyButton>
            </Group>
            <Group gap="sm">
              <Button component="a" href={POSTER_URL} download leftSection={<IconFile size={18} />} data-testid="prereg-poster">{t('prereg.poster')}</Button>
              <Anchor href={current.url} target="_blank" rel="noopener" size="sm">{t('prereg.openForm')}</Anchor>
              <Button variant="subtle" color={sure === 'rotate' ? 'red' : 'gray'} onClick={() => act('rotate')} loading={change.isPending} data-testid="prereg-rotate">
                {sure === 'rotate' ? t('prereg.rotateSure') : t('prereg.rotate')}
              </Button>
              <Button variant="subtle" color={sure === 'revoke' ? 'red' : 'gray'} onClick={() => act('revoke')} data-testid="prereg-revoke">
                {sure === 'revoke' ? t('prereg.revokeSure') : t('prereg.revoke')}
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button leftSection={<IconPlus size={18} />} onClick={() => act('rotate')} loading={change.isPending || link.isPending} data-testid="prereg-create-link">
              {t('prereg.createLink')}
            </Button>
          </Group>
        )}
        {change.isError && <Alert color="red">{(change.error as Error).message}</Alert>}
      </Stack>
    </Card>
  );
}
