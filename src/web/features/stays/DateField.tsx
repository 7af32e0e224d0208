import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fromTyped, toDmy } from './dateText';

/**
 * A date the way Indonesians write it, dd/mm/yyyy, whatever the browser's locale. The form
 * keeps YYYY-MM-DD; what is not a date yet stays as typed so the form can say so.
 */
export function DateField({ value, onValue, ...rest }: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onValue: (iso: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      autoComplete="off"
      inputMode="numeric"
      placeholder={t('clerkForm.datePlaceholder')}
      maxLength={10}
      {...rest}
      value={toDmy(value)}
      onChange={(e) => onValue(fromTyped(e.currentTarget.value))}
    />
  );
}
