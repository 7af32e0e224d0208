import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, type Language } from '../i18n';

/** Bahasa Indonesia first, English second; the choice is sent as Accept-Language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={currentLanguage()}
      onChange={(lng) => {
        void chooseLanguage(lng as Language).then(() => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' }));
      }}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
      data-testid="language-switch"
    />
  );
}
