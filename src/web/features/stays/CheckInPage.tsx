import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { useCountries } from '../../api/reference';
import type { Lodging } from '../../api/types';
import { PERMIT_KINDS } from '../../../domain/permits/kinds';
import { todayIn } from '../../lib/time';
import { IconAlert, IconPlus } from '../../shell/icons';
import { useCurrentUser, useZone } from '../auth/useMe';
import { ScanPassportButton } from '../mrz/ScanPassportButton';
import { TypedMrzInput } from '../mrz/TypedMrzInput';
import { useWedgeScanner } from '../mrz/useWedgeScanner';
import { enqueue, removeReport, type QueuedReport } from '../offline/queue';
import { QueuedNotice } from '../offline/QueuedNotice';
import { QueuePanel } from '../offline/QueuePanel';
import { useQueue } from '../offline/useQueue';
import { newIdempotencyKey } from './api';
import { findings, fromFamilyInput, guestLabel, MAX_MEMBERS, PERMIT_KINDS_WITH_END, splitFamilyErrors, TEST_IDS, toFamilyInput, type FamilyCreated, type FamilyInput, type FieldKey, type MemberKey } from './checkInForm';
import { DateField } from './DateField';
import { proposedEnd } from './focusNext';
import { IdentityFields, PassportFields } from './GuestFields';
import { MemberCard } from './MemberCard';
import { ReceiptPanel } from './ReceiptPanel';
import { useCheckInForm } from './useCheckInForm';
import { usePageTitle } from '../../lib/usePageTitle';

/** Verified lodgings in the officer's area, to report a guest for (the server checks the choice too). */
function useAreaLodgings(enabled: boolean): { value: string; label: string }[] {
  const { data } = useQuery({
    queryKey: ['lodgings'],
    queryFn: ({ signal }) => api<{ items: Lodging[] }>('/api/v1/lodgings', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
  return useMemo(
    () => (data?.items ?? []).filter((l) => l.verified).map((l) => ({ value: l.id, label: `${l.name} (${l.villageName})` })),
    [data],
  );
}

export function CheckInPage() {
  usePageTitle('checkIn.title');
  const { t } = useTranslation();
  const zone = useZone();
  const me = useCurrentUser();
  const needsLodging = me.role !== 'reporter';
  const lodgings = useAreaLodgings(needsLodging);
  const today = todayIn(zone);
  const countries = useCountries();
  const known = useMemo(() => new Set((countries.data ?? []).map((c) => c.code)), [countries.data]);
  const form = useCheckInForm(today, { needsLodging, knownCountry: (c) => !known.size || known.has(c) });
  const { values, members } = form;
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [created, setCreated] = useState<{ id: string; receiptNumber: string; guest: string } | null>(null);
  const [queued, setQueued] = useState<QueuedReport | null>(null);
  const replacing = useRef<string | null>(null); // a refused queued report being fixed
  const idempotencyKey = useRef(newIdempotencyKey());
  const reports = useQueue(me.id);
  const qc = useQueryClient();
  const checkIn = useMutation({
    mutationFn: ({ input, key }: { input: FamilyInput; key: string }) =>
      api<FamilyCreated>('/api/v1/stays', { method: 'POST', body: input, headers: { 'Idempotency-Key': key } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['stays'] }),
  });
  useWedgeScanner(today, (r) => form.applyScan(r));

  const focusFirstError = () => requestAnimationFrame(() => {
    const el = form.formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });

  const done = () => {
    idempotencyKey.current = newIdempotencyKey();
    if (replacing.current) void removeReport(replacing.current);
    replacing.current = null;
    window.scrollTo({ top: 0 });
  };

  const keep = async (input: FamilyInput) => {
    setQueued(await enqueue({ id: idempotencyKey.current, userId: me.id, zone: zone.abbr, input }));
    done();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setOtherErrors([]);
    if (Object.keys(form.check()).length) { focusFirstError(); return; }
    const input = toFamilyInput(values, members);
    // No signal: the report waits on the device and sends itself, with this same key.
    if (navigator.onLine === false) { void keep(input); return; }
    checkIn.mutate({ input, key: idempotencyKey.current }, {
      onSuccess: (res) => { setCreated({ id: res.id, receiptNumber: res.receiptNumber, guest: guestLabel(input) }); done(); },
      onError: (err) => {
        if (!(err instanceof ApiError) || err.isNetwork) { void keep(input); return; } // a replay with the same key is safe
        idempotencyKey.current = newIdempotencyKey();
        const split = splitFamilyErrors(err.fieldErrors, members.length);
        form.load({ values, members }, split);
        setOtherErrors(split.other);
        focusFirstError();
      },
    });
  };

  const fix = (r: QueuedReport) => {
    replacing.current = r.id;
    idempotencyKey.current = newIdempotencyKey(); // the body changes: a new key
    form.load(fromFamilyInput(r.input), splitFamilyErrors(r.error?.fieldErrors ?? [], r.input.members?.length ?? 0));
    setOtherErrors(r.error && !r.error.fieldErrors.length ? [r.error.message] : []);
    focusFirstError();
  };

  const another = () => {
    form.reset();
    setOtherErrors([]);
    setCreated(null);
    setQueued(null);
    checkIn.reset();
    window.scrollTo({ top: 0 });
  };

  if (created) return <ReceiptPanel stayId={created.id} receiptNumber={created.receiptNumber} guest={created.guest} onAnother={another} />;
  if (queued) return <QueuedNotice report={queued} onAnother={another} />;

  const field = (key: FieldKey) => ({
    name: key,
    'data-field': key,
    error: form.errorOf(key),
    'data-testid': TEST_IDS[key],
    'data-uncertain': form.uncertain.has(key) ? 'true' : undefined,
  });
  const text = (key: FieldKey) => ({ ...field(key), value: values[key], onChange: (e: React.ChangeEvent<HTMLInputElement>) => form.set(key, e.currentTarget.value) });
  const date = (key: FieldKey) => ({ ...field(key), value: values[key], onValue: (v: string) => form.set(key, v) });
  const headErrors = Object.fromEntries(Object.keys(values).map((k) => [k, form.errorOf(k)])) as Partial<Record<MemberKey, string>>;
  const head = { prefix: '', values, errors: headErrors, uncertain: form.uncertain, set: (k: MemberKey, v: string) => form.set(k, v) };
  const permitKinds = PERMIT_KINDS.map((k) => ({ value: k, label: t(`permit.${k}`) }));
  const serverError = checkIn.error instanceof ApiError && !checkIn.error.isNetwork ? checkIn.error : null;
  const proposed = proposedEnd(values);
  const flagged = findings(values, today);

  return (
    <Stack maw={900} mx="auto" gap="md">
      <div>
        <Title order={2}>{t('checkIn.title')}</Title>
        <Text c="dimmed" size="sm">{t('checkIn.subtitle')}</Text>
      </div>

      {me.reporterOrg && !me.reporterOrg.verified && (
        <Alert color="yellow" icon={<IconAlert size={18} />} data-testid="unverified">{t('checkIn.unverified')}</Alert>
      )}

      <QueuePanel reports={reports} onFix={fix} />
      <ScanPassportButton today={today} onResult={(r) => form.applyScan(r, -1)} />

      <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="checkin-form">
        <Stack gap="md">
          {(otherErrors.length > 0 || (serverError && serverError.fieldErrors.length === 0)) && (
            <Alert color="red" icon={<IconAlert size={18} />} title={t('checkIn.failed')} data-testid="checkin-error">
              {serverError?.fieldErrors.length === 0 && <Text size="sm">{serverError.message}</Text>}
              {otherErrors.map((m) => <Text key={m} size="sm">{m}</Text>)}
            </Alert>
          )}
          {form.hasErrors && <Alert color="red" variant="light" data-testid="checkin-invalid">{t('checkIn.fixErrors')}</Alert>}
          {/* facts officers must know are reported, not refused: the clerk sees them before sending */}
          {flagged.length > 0 && (
            <Alert color="yellow" variant="light" icon={<IconAlert size={18} />} title={t('checkIn.findingsTitle')} data-testid="checkin-findings">
              {flagged.map((f) => <Text key={f} size="sm" fw={600} data-testid={`checkin-finding-${f}`}>{t(`findingHints.${f}`)}</Text>)}
              <Text size="xs" c="dimmed" mt={4}>{t('checkIn.findingsHint')}</Text>
            </Alert>
          )}

          <Paper withBorder p="md" radius="md" onFocusCapture={() => form.setActive(-1)}>
            <TypedMrzInput today={today} onResult={(r) => form.applyScan(r, -1)} testId="mrz-typed" />
          </Paper>

          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">{t('checkIn.sectionGuest')}</Title>
            <IdentityFields {...head} />
          </Paper>

          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">{t('checkIn.sectionPassport')}</Title>
            <PassportFields {...head} />
          </Paper>

          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">{t('checkIn.sectionPermit')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NativeSelect label={t('fields.permitKind')} required data={permitKinds} {...field('guest.permit.kind')} value={values['guest.permit.kind']} onChange={(e) => form.set('guest.permit.kind', e.currentTarget.value)} />
              <TextInput label={t('fields.permitNumber')} autoComplete="off" {...text('guest.permit.number')} />
              <DateField label={t('fields.permitValidFrom')} required {...date('guest.permit.validFrom')} />
              <DateField
                label={t('fields.permitValidUntil')}
                required={PERMIT_KINDS_WITH_END.includes(values['guest.permit.kind'])}
                description={proposed && proposed === values['guest.permit.validUntil'] ? t('clerkForm.permitProposed') : undefined}
                {...date('guest.permit.validUntil')}
              />
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">{t('checkIn.sectionStay')}</Title>
            {needsLodging && (
              <Select
                label={t('fields.lodging')} required searchable data={lodgings} nothingFoundMessage={t('common.nothingFound')}
                {...field('lodgingId')} description={t('checkIn.lodgingHint')} value={values.lodgingId || null}
                onChange={(v) => form.set('lodgingId', v ?? '')} mb="md"
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <DateField label={t('fields.arrivalDate')} required {...date('arrivalDate')} />
              <TextInput label={t('fields.room')} autoComplete="off" maxLength={20} {...text('room')} />
              <DateField label={t('fields.plannedDeparture')} {...date('plannedDeparture')} />
            </SimpleGrid>
          </Paper>

          {members.length > 0 && <Title order={4}>{t('clerkForm.family.title', { count: members.length + 1 })}</Title>}
          {members.map((m, i) => (
            <MemberCard
              key={i} index={i} values={m} today={today} active={form.active === i} uncertain={form.uncertain} errorOf={form.errorOf}
              set={(k, v) => form.setMember(i, k, v)} onScan={(r) => form.applyScan(r, i)} onActivate={() => form.setActive(i)} onRemove={() => form.removeMember(i)}
            />
          ))}

          <Group justify="space-between" wrap="wrap">
            <Button variant="light" leftSection={<IconPlus size={18} />} onClick={form.addMember} disabled={members.length >= MAX_MEMBERS} data-testid="add-member">
              {t('clerkForm.family.add')}
            </Button>
            <Button type="submit" size="md" loading={checkIn.isPending} data-testid="checkin-submit" data-field="checkin-submit" className="submit-button">
              {members.length ? t('clerkForm.family.submit', { count: members.length + 1 }) : t('checkIn.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
