import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScanPassportButton } from '../mrz/ScanPassportButton';
import { TypedMrzInput } from '../mrz/TypedMrzInput';
import type { MemberKey, MemberValues } from './checkInForm';
import { IdentityFields, PassportFields } from './GuestFields';
import { memberPrefix, type Scan } from './useCheckInForm';

/** A member of the group: their own passport; room, dates and permit are the head's. */
export function MemberCard(props: {
  index: number; values: MemberValues; today: string; active: boolean; uncertain: ReadonlySet<string>;
  errorOf: (name: string) => string | undefined; set: (key: MemberKey, value: string) => void;
  onScan: (r: Scan) => void; onActivate: () => void; onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { index, values } = props;
  const prefix = memberPrefix(index);
  const errors = Object.fromEntries(Object.keys(values).map((k) => [k, props.errorOf(prefix + k)])) as Partial<Record<MemberKey, string>>;
  const common = { prefix, values, errors, uncertain: props.uncertain, set: props.set };
  return (
    <Paper withBorder p="md" radius="md" data-testid={`member-${index}`} onFocusCapture={props.onActivate} style={props.active ? { borderColor: 'var(--mantine-color-blue-5)' } : undefined}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>{t('clerkForm.family.member', { n: index + 2 })}</Title>
          <Button variant="subtle" color="red" size="xs" onClick={props.onRemove} data-testid={`member-${index}-remove`}>{t('clerkForm.family.remove')}</Button>
        </Group>
        <TypedMrzInput today={props.today} onResult={props.onScan} testId={`member-${index}-mrz`} onFocus={props.onActivate} autoFocus />
        <ScanPassportButton today={props.today} onResult={props.onScan} compact />
        <IdentityFields {...common} />
        <PassportFields {...common} withPermitNumber />
      </Stack>
    </Paper>
  );
}
