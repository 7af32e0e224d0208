import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const MIN_PURPOSE = 3;

/** Asks why the person is looked up (required, kept in the audit log) before anything loads. */
export function PurposeModal({ opened, onSubmit, onCancel }: { opened: boolean; onSubmit: (purpose: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    const value = purpose.trim();
    if (value.length < MIN_PURPOSE) return setError(t('person.purposeShort'));
    // it travels in an HTTP header, which carries Latin-1 only
    if (/[^\x20-\x7e\xa0-\xff]/.test(value)) return setError(t('person.purposeChars'));
    onSubmit(value);
  };
  return (
    <Modal opened={opened} onClose={onCancel} title={t('person.purposeTitle')} centered>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack>
          <Text size="sm">{t('person.purposeIntro')}</Text>
          <TextInput
            label={t('person.purpose')}
            placeholder={t('person.purposePlaceholder')}
            required
            data-autofocus
            maxLength={200}
            value={purpose}
            onChange={(e) => { setPurpose(e.currentTarget.value); setError(undefined); }}
            error={error}
            data-testid="person-purpose"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
            <Button type="submit" data-testid="person-purpose-submit">{t('person.open')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
