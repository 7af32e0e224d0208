import { useState } from 'react';
import { Button, Card, Checkbox, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useRecordResults } from './api';

interface CheckRow { name: string; nationality: string; documentsSeen: string; note: string }
const emptyCheck = (): CheckRow => ({ name: '', nationality: '', documentsSeen: '', note: '' });

/** Field results: persons checked (free entries), documents seen, findings; one submission per visit. */
export function ResultsForm({ id, regionCode }: { id: string; regionCode: string }) {
  const { t } = useTranslation();
  const save = useRecordResults(id);
  const [checks, setChecks] = useState<CheckRow[]>([emptyCheck()]);
  const [findings, setFindings] = useState<{ description: string; villageCode: string }[]>([]);
  const [done, setDone] = useState(false);
  const fieldError = (field: string) => (save.error instanceof ApiError ? save.error.fieldErrors.find((e) => e.field === field)?.message : undefined);
  const setCheck = (i: number, patch: Partial<CheckRow>) => setChecks((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = () => save.mutate({
    checks: checks.filter((c) => c.name.trim()).map((c) => ({
      name: c.name.trim(), nationality: c.nationality.trim().toUpperCase() || undefined, documentsSeen: c.documentsSeen.trim() || undefined, note: c.note.trim() || undefined,
    })),
    findings: findings.filter((f) => f.description.trim()).map((f) => ({ description: f.description.trim(), villageCode: f.villageCode.trim() || undefined })),
    done,
  }, { onSuccess: () => { setChecks([emptyCheck()]); setFindings([]); } });

  return (
    <Card withBorder padding="sm" data-testid="op-results-form">
      <Stack gap="sm">
        <Text fw={600}>{t('operations.resultsTitle')}</Text>
        {checks.map((c, i) => (
          <Group key={i} gap="xs" wrap="wrap" align="flex-start">
            <TextInput label={t('operations.fields.name')} value={c.name} onChange={(e) => setCheck(i, { name: e.currentTarget.value })} w={200} error={fieldError(`checks.${i}.name`)} />
            <TextInput label={t('operations.fields.nationality')} value={c.nationality} onChange={(e) => setCheck(i, { nationality: e.currentTarget.value })} w={90} maxLength={3} error={fieldError(`checks.${i}.nationality`)} />
            <TextInput label={t('operations.fields.documentsSeen')} value={c.documentsSeen} onChange={(e) => setCheck(i, { documentsSeen: e.currentTarget.value })} w={200} />
            <TextInput label={t('operations.fields.note')} value={c.note} onChange={(e) => setCheck(i, { note: e.currentTarget.value })} w={220} />
          </Group>
        ))}
        <Group><Button size="xs" variant="subtle" onClick={() => setChecks((r) => [...r, emptyCheck()])}>{t('operations.addCheck')}</Button></Group>
        {findings.map((f, i) => (
          <Group key={i} gap="xs" wrap="wrap" align="flex-start">
            <Textarea label={t('operations.fields.finding')} value={f.description} autosize minRows={1} w={360} error={fieldError(`findings.${i}.description`)}
              onChange={(e) => { const v = e.currentTarget.value; setFindings((r) => r.map((x, j) => (j === i ? { ...x, description: v } : x))); }} />
            <TextInput label={t('operations.fields.villageCode')} placeholder={`${regionCode}...`} value={f.villageCode} w={180} error={fieldError(`findings.${i}.villageCode`)}
              onChange={(e) => { const v = e.currentTarget.value; setFindings((r) => r.map((x, j) => (j === i ? { ...x, villageCode: v } : x))); }} />
          </Group>
        ))}
        <Group><Button size="xs" variant="subtle" onClick={() => setFindings((r) => [...r, { description: '', villageCode: '' }])}>{t('operations.addFinding')}</Button></Group>
        <Checkbox label={t('operations.markDone')} checked={done} onChange={(e) => setDone(e.currentTarget.checked)} />
        <Group justify="flex-end"><Button onClick={submit} loading={save.isPending} data-testid="op-results-save">{t('operations.saveResults')}</Button></Group>
      </Stack>
    </Card>
  );
}
