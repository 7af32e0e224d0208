import { useState } from 'react';
import { Alert as Notice, Button, Card, FileInput, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type CaseActionKind, type CaseDetail, type CaseMeasure, fileToBase64, useCaseAgencies, useCaseStep } from './api';

const MAX_FILE = 5 * 1024 * 1024;

/** The steps the viewer may take on a case (the server's abilities decide which show). */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const step = useCaseStep(c.id);
  const a = c.abilities;
  const agencies = useCaseAgencies(a.assign);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [action, setAction] = useState<CaseActionKind | null>(null);
  const [measure, setMeasure] = useState<CaseMeasure | null>(null);
  const [note, setNote] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const fieldError = (field: string) => (step.error instanceof ApiError ? step.error.fieldErrors.find((e) => e.field === field)?.message : undefined);
  const run = (input: Parameters<typeof step.mutate>[0], done?: () => void) => step.mutate(input, { onSuccess: () => done?.() });
  const actions = (['administrative', 'criminal_handover', 'no_action'] as const)
    .filter((k) => (k === 'administrative' ? a.actAdministrative : k === 'criminal_handover' ? a.actCriminal : a.act))
    .map((k) => ({ value: k, label: t(`cases.action.${k}`) }));
  const members = agencies.data?.find((g) => g.id === agencyId)?.members ?? [];

  const upload = async () => {
    if (!file) return;
    if (file.size > MAX_FILE) { setFileError(t('cases.fileTooLarge')); return; }
    setFileError(null);
    run({ step: 'attachments', filename: file.name, contentBase64: await fileToBase64(file), note: text.trim() || undefined }, () => { setFile(null); setText(''); });
  };

  if (c.status === 'closed') return null;
  return (
    <Card withBorder padding="sm">
      <Stack gap="sm">
        {step.isError && !(step.error instanceof ApiError && step.error.fieldErrors.length) && <Notice color="red">{(step.error as Error).message}</Notice>}
        {a.assign && (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select label={t('cases.assignAgency')} data={(agencies.data ?? []).map((g) => ({ value: g.id, label: g.name }))} value={agencyId}
              onChange={(v) => { setAgencyId(v); setUserId(null); }} searchable w={260} error={fieldError('agencyId')} data-testid="case-agency" />
            <Select label={t('cases.assignMember')} data={members.map((m) => ({ value: m.id, label: m.name }))} value={userId} onChange={setUserId}
              clearable w={220} disabled={!agencyId} error={fieldError('userId')} data-testid="case-member" />
            <Button size="xs" variant="light" disabled={!agencyId} onClick={() => agencyId && run({ step: 'assign', agencyId, userId: userId ?? undefined })} data-testid="case-assign">
              {t('cases.assign')}
            </Button>
          </Group>
        )}
        {a.start && <Group><Button size="xs" onClick={() => run({ step: 'start' })} data-testid="case-start">{t('cases.start')}</Button></Group>}
        {actions.length > 0 && (
          <Stack gap="xs" data-testid="case-action-form">
            <Text fw={600} size="sm">{t('cases.actionTitle')}</Text>
            <Group gap="xs" wrap="wrap" align="flex-end">
              <Select label={t('cases.actionKind')} data={actions} value={action} onChange={(v) => { setAction(v as CaseActionKind | null); setMeasure(null); }} w={260} data-testid="case-action-kind" />
              {action === 'administrative' && (
                <Select label={t('cases.measureLabel')} value={measure} onChange={(v) => setMeasure(v as CaseMeasure | null)} w={220} error={fieldError('measure')} data-testid="case-measure"
                  data={(['deportation', 'detention', 'fine', 'entry_ban', 'other'] as const).map((m) => ({ value: m, label: t(`cases.measure.${m}`) }))} />
              )}
            </Group>
            <Textarea label={action === 'no_action' ? t('cases.reasonLabel') : t('cases.noteLabel')} value={note} onChange={(e) => setNote(e.currentTarget.value)}
              autosize minRows={2} maxLength={2000} error={fieldError('note')} data-testid="case-action-note" />
            <Group>
              <Button size="xs" color="orange" disabled={!action || note.trim().length < 3 || (action === 'administrative' && !measure)} data-testid="case-act"
                onClick={() => action && run({ step: 'action', action, measure: measure ?? undefined, note }, () => setNote(''))}>{t('cases.recordAction')}</Button>
            </Group>
          </Stack>
        )}
        {a.close && <Group><Button size="xs" color="gray" onClick={() => run({ step: 'close' })} data-testid="case-close">{t('cases.close')}</Button></Group>}
        {(a.comment || a.attach) && (
          <Stack gap="xs">
            <Textarea label={t('cases.commentLabel')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={4000}
              error={fieldError('text')} data-testid="case-comment-text" />
            {a.attach && (
              <FileInput label={t('cases.attachLabel')} description={t('cases.attachHint')} accept="image/jpeg,image/png,application/pdf" value={file} onChange={setFile}
                clearable error={fileError ?? fieldError('contentBase64')} data-testid="case-file" />
            )}
            <Group gap="xs">
              {a.comment && <Button size="xs" variant="default" disabled={!text.trim()} onClick={() => run({ step: 'comments', text }, () => setText(''))} data-testid="case-comment">{t('cases.comment')}</Button>}
              {a.attach && <Button size="xs" variant="default" disabled={!file} onClick={() => void upload()} loading={step.isPending} data-testid="case-upload">{t('cases.upload')}</Button>}
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
