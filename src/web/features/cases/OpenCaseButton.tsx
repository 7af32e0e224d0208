import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type CaseSourceKind, useOpenCase } from './api';

/** "Open a case" from a source (an alert, an operation finding...): opens it and goes to it. */
export function OpenCaseButton({ source, title, size = 'xs' }: { source: { kind: CaseSourceKind; id: string }; title?: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenCase();
  return (
    <Button size={size} variant="light" color="grape" loading={open.isPending} data-testid={`open-case-${source.kind}`}
      onClick={() => open.mutate({ source, title: title ?? (source.kind === 'alert' ? undefined : t('cases.defaultTitle')) }, { onSuccess: (c) => navigate(`/cases/${c.id}`) })}>
      {open.isError ? t('cases.openFailed') : t('cases.openCase')}
    </Button>
  );
}
