import { Alert, Button, Group, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessage, useAddEntry } from './api';

// Adding an entry by hand: names and aliases in any script, birth dates full or year only,
// nationalities (ICAO codes), document numbers, reason and validity. Each value is checked
// here for shape and by the server for meaning; the server's messages show under the field.

const DATE_OR_YEAR = /^\d{4}(-\d{2}-\d{2})?$/;

export function EntryForm({ listId, onDone }: { listId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddEntry(listId);
  const [names, setNames] = useState<string[]>([]);
  const [birthDates, setBirthDates] = useState<string[]>([]);
  const [nationalities, setNationalities] = useState<string[]>([]);
  const [documents, setDocuments] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (names.length === 0) problems.names = t('watchlists.errors.nameRequired');
    if (birthDates.some((d) => !DATE_OR_YEAR.test(d))) problems.birthDates = t('watchlists.errors.birthDate');
    if (nationalities.some((n) => !/^[A-Za-z]{3}$/.test(n))) problems.nationalities = t('watchlists.errors.nationality');
    if (validUntil && !/^\d{4}-\d{2}-\d{2}$/.test(validUntil)) problems.validUntil = t('watchlists.errors.date');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    add.mutate({
      names, birthDates, nationalities: nationalities.map((n) => n.toUpperCase()), documentNumbers: documents,
      reason: reason.trim() || null, validUntil: validUntil || null,
    }, { onSuccess: onDone });
  };
  const error = (field: string) => local[field] ?? fieldMessage(add.error, field);
  const other = add.error && !['names', 'birthDates', 'nationalities', 'documentNumbers', 'reason', 'validUntil'].some((f) => fieldMessage(add.error, f)) ? add.error.message : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TagsInput label={t('watchlists.names')} description={t('watchlists.namesHint')} value={names} onChange={setNames} splitChars={[';']}
          error={error('names')} required data-testid="entry-names" />
        <TagsInput label={t('watchlists.birthDates')} description={t('watchlists.birthDatesHint')} value={birthDates} onChange={setBirthDates}
          splitChars={[',', ' ', ';']} error={error('birthDates')} data-testid="entry-birthdates" />
        <TagsInput label={t('watchlists.nationalities')} description={t('watchlists.nationalitiesHint')} value={nationalities} onChange={setNationalities}
          splitChars={[',', ' ', ';']} error={error('nationalities')} data-testid="entry-nationalities" />
        <TagsInput label={t('watchlists.documents')} value={documents} onChange={setDocuments} splitChars={[',', ';']} error={error('documentNumbers')} data-testid="entry-documents" />
        <Textarea label={t('watchlists.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} autosize minRows={2}
          error={error('reason')} data-testid="entry-reason" />
        <TextInput label={t('watchlists.validUntil')} description={t('watchlists.validUntilHint')} type="date" value={validUntil}
          onChange={(e) => setValidUntil(e.currentTarget.value)} error={error('validUntil')} data-testid="entry-valid-until" />
        {other && <Alert color="red">{other}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('watchlists.cancel')}</Button>
          <Button type="submit" loading={add.isPending} data-testid="entry-add">{t('watchlists.addSubmit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
