import { forwardRef, useState } from 'react';
import { Alert, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlert, IconCheck } from '../../shell/icons';
import { swallowEnterFor } from './enterGuard';
import { mrzLines, parseTypedMrz, type TypedMrzResult } from './typedMrz';

/**
 * A field for MRZ lines typed by hand or by a keyboard-wedge scanner (which types them with
 * Enter between lines). As soon as the lines form a whole MRZ they fill the form and the field
 * empties for the next passport.
 */
export const TypedMrzInput = forwardRef<HTMLTextAreaElement, { today: string; onResult: (r: TypedMrzResult) => void; testId: string; onFocus?: () => void; autoFocus?: boolean }>(
  function TypedMrzInput({ today, onResult, testId, onFocus, autoFocus }, ref) {
    const { t } = useTranslation();
    const [text, setText] = useState('');
    const [last, setLast] = useState<TypedMrzResult | null>(null);

    const onChange = (value: string) => {
      const result = parseTypedMrz(value, today);
      if (result) {
        swallowEnterFor();
        setText('');
        setLast(result);
        onResult(result);
      } else setText(value.trim() ? value : '');
    };

    const lines = mrzLines(text);
    const bad = lines.some((l) => /[^A-Z0-9<]/.test(l));
    const failing = last ? Object.keys(last.checkErrors).length + last.otherChecks.length : 0;
    return (
      <div>
        <Textarea
          ref={ref}
          autoFocus={autoFocus}
          label={t('clerkForm.mrz.label')}
          description={t('clerkForm.mrz.hint')}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          onFocus={onFocus}
          autosize
          minRows={2}
          spellCheck={false}
          autoCapitalize="characters"
          autoComplete="off"
          styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
          data-testid={testId}
          error={bad ? t('clerkForm.mrz.badCharacters') : undefined}
        />
        {text && !bad && (
          <Text size="xs" c="dimmed" data-testid={`${testId}-progress`}>
            {t('clerkForm.mrz.progress', { counts: lines.map((l) => l.length).join(' + ') })}
          </Text>
        )}
        {last && (
          <Alert mt="xs" p="xs" color={failing ? 'red' : 'green'} icon={failing ? <IconAlert size={16} /> : <IconCheck size={16} />} data-testid={`${testId}-status`} data-failing={failing}>
            <Text size="sm">{failing ? t('clerkForm.mrz.failing', { count: failing }) : t('clerkForm.mrz.read')}</Text>
            {last.otherChecks.map((c) => <Text key={c} size="sm">{t(`clerkForm.mrz.badCheck.${c}`)}</Text>)}
          </Alert>
        )}
      </div>
    );
  },
);
