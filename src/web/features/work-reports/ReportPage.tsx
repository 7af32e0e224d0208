import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { todayIn } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { IconAlert } from '../../shell/icons';
import { useCurrentUser, useZone } from '../auth/useMe';
import type { ReadingResult } from '../mrz/fromReading';
import { ScanPassportButton } from '../mrz/ScanPassportButton';
import type { Errors, FieldKey, Values } from '../stays/checkInForm';
import { ReceiptPanel } from '../stays/ReceiptPanel';
import { useReport } from './api';
import { ForeignerFields, PeriodFields } from './ForeignerFields';
import {
  type Mode, type WorkErrors, type WorkKey, type WorkValues, WORK_TEST_IDS, emptyPerson, emptyWork, splitReportErrors, toResidenceInput,
  toWorkInput, validateReport,
} from './reportForm';
import { VillagePicker } from './VillagePicker';

/**
 * "Lapor Tenaga Kerja Asing" (a company's foreign worker) and "Lapor Orang Asing Tinggal Bersama"
 * (a private host's resident): one form, the resident's with fewer fields. Phone first.
 */
export function ReportPage({ mode }: { mode: Mode }) {
  usePageTitle(mode === 'work' ? 'workReports.title' : 'workReports.residenceTitle');
  const { t } = useTranslation();
  const zone = useZone();
  const me = useCurrentUser();
  const today = todayIn(zone);
  const [person, setPerson] = useState<Values>(() => emptyPerson(today, mode));
  const [work, setWork] = useState<WorkValues>(() => emptyWork(me.reporterOrg?.villageCode ?? ''));
  const [personErrors, setPersonErrors] = useState<Errors>({});
  const [workErrors, setWorkErrors] = useState<WorkErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const [uncertain, setUncertain] = useState<Set<FieldKey>>(new Set());
  const [created, setCreated] = useState<{ id: string; receiptNumber: string; guest: string } | null>(null);
  const [locating, setLocating] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const report = useReport();

  const setP = (key: FieldKey, value: string) => {
    setPerson((v) => {
      const next = { ...v, [key]: value };
      if (key === 'guest.nationality' && !v['guest.document.issuingState']) next['guest.document.issuingState'] = value;
      return next;
    });
    if (personErrors[key]) setPersonErrors((e) => ({ ...e, [key]: undefined }));
    if (uncertain.has(key)) setUncertain((u) => { const n = new Set(u); n.delete(key); return n; });
  };
  const setW = (key: WorkKey, value: string) => {
    setWork((v) => ({ ...v, [key]: value }));
    if (workErrors[key]) setWorkErrors((e) => ({ ...e, [key]: undefined }));
  };

  const focusFirstError = () => requestAnimationFrame(() => {
    const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateReport(mode, person, work, today, t);
    setPersonErrors(found.person);
    setWorkErrors(found.work);
    setOther([]);
    if (Object.values(found.person).some(Boolean) || Object.values(found.work).some(Boolean)) return focusFirstError();
    const req = mode === 'work' ? { kind: 'work' as const, input: toWorkInput(person, work) } : { kind: 'residence' as const, input: toResidenceInput(person) };
    report.mutate(req, {
      onSuccess: (res) => {
        setCreated({ id: res.id, receiptNumber: res.receiptNumber, guest: `${person['guest.surname']}, ${person['guest.givenNames']}`.replace(/, $/, '') });
        window.scrollTo({ top: 0 });
      },
      onError: (err) => {
        if (!(err instanceof ApiError)) return;
        const split = splitReportErrors(err.fieldErrors);
        setPersonErrors(split.person);
        setWorkErrors(split.work);
        setOther(split.other);
        focusFirstError();
      },
    });
  };

  const onScan = (result: ReadingResult) => {
    setPerson((v) => ({ ...v, ...result.values }));
    setPersonErrors({});
    setUncertain(new Set(result.uncertain));
  };

  const locate = () => {
    if (!navigator.geolocation) return setWorkErrors((e) => ({ ...e, 'worksite.lat': t('workReports.noLocation') }));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setW('worksite.lat', pos.coords.latitude.toFixed(6));
        setW('worksite.lng', pos.coords.longitude.toFixed(6));
      },
      () => {
        setLocating(false);
        setWorkErrors((e) => ({ ...e, 'worksite.lat': t('workReports.noLocation') }));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const reset = () => {
    setPerson(emptyPerson(today, mode));
    setWork(emptyWork(me.reporterOrg?.villageCode ?? ''));
    setPersonErrors({});
    setWorkErrors({});
    setOther([]);
    setUncertain(new Set());
    setCreated(null);
    report.reset();
    window.scrollTo({ top: 0 });
  };

  if (created) return <ReceiptPanel stayId={created.id} receiptNumber={created.receiptNumber} guest={created.guest} onAnother={reset} />;

  const w = (key: WorkKey) => ({
    error: workErrors[key], 'data-testid': WORK_TEST_IDS[key], name: key, value: work[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setW(key, e.currentTarget.value),
  });
  const serverError = report.error instanceof ApiError && report.error.fieldErrors.length === 0 ? report.error : null;
  const invalid = Object.values(personErrors).some(Boolean) || Object.values(workErrors).some(Boolean);

  return (
    <Stack maw={900} mx="auto" gap="md">
      <div>
        <Title order={2}>{t(mode === 'work' ? 'workReports.title' : 'workReports.residenceTitle')}</Title>
        <Text c="dimmed" size="sm">{t(mode === 'work' ? 'workReports.subtitle' : 'workReports.residenceSubtitle')}</Text>
      </div>
      <ScanPassportButton today={today} onResult={onScan} />
      <form ref={formRef} onSubmit={onSubmit} noValidate data-testid="report-form">
        <Stack gap="md">
          {(other.length > 0 || serverError) && (
            <Alert color="red" icon={<IconAlert size={18} />} title={t('checkIn.failed')} data-testid="report-error">
              {serverError && <Text size="sm">{serverError.isNetwork ? t('errors.networkSubmit') : serverError.message}</Text>}
              {other.map((m) => <Text key={m} size="sm">{m}</Text>)}
            </Alert>
          )}
          {invalid && <Alert color="red" variant="light" data-testid="report-invalid">{t('checkIn.fixErrors')}</Alert>}

          <ForeignerFields values={person} errors={personErrors} uncertain={uncertain} set={setP} />

          {mode === 'work' && (
            <Paper withBorder p="md" radius="md">
              <Title order={4} mb="sm">{t('workReports.sectionWork')}</Title>
              <Stack gap="md">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <TextInput label={t('workReports.position')} required maxLength={100} autoComplete="organization-title" {...w('position')} />
                  <TextInput label={t('workReports.workPermitRef')} description={t('workReports.workPermitRefHint')} required maxLength={60} autoComplete="off" {...w('workPermitRef')} />
                </SimpleGrid>
                <TextInput label={t('workReports.worksiteAddress')} required maxLength={200} {...w('worksite.address')} />
                <VillagePicker value={work['worksite.villageCode']} onChange={(v) => setW('worksite.villageCode', v)} error={workErrors['worksite.villageCode']} testId="work-worksite" />
                <Text size="xs" c="dimmed">{t('workReports.worksiteHint')}</Text>
                <SimpleGrid cols={2} spacing="md">
                  <TextInput label={t('workReports.lat')} required inputMode="decimal" placeholder="-4.35" {...w('worksite.lat')} />
                  <TextInput label={t('workReports.lng')} required inputMode="decimal" placeholder="119.88" {...w('worksite.lng')} />
                </SimpleGrid>
                <Group>
                  <Button variant="light" onClick={locate} loading={locating} data-testid="work-locate">{t('workReports.useLocation')}</Button>
                </Group>
              </Stack>
            </Paper>
          )}

          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="sm">{t(mode === 'work' ? 'workReports.sectionPeriod' : 'workReports.sectionResidence')}</Title>
            {mode === 'residence' && me.reporterOrg && <Text size="sm" c="dimmed" mb="sm">{t('workReports.residenceAddress', { name: me.reporterOrg.name })}</Text>}
            <PeriodFields values={person} errors={personErrors} set={setP} untilRequired={mode === 'work'} />
          </Paper>

          <Group justify="flex-end">
            <Button type="submit" size="md" loading={report.isPending} data-testid="report-submit" className="submit-button">
              {t(mode === 'work' ? 'workReports.submit' : 'workReports.residenceSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

export default function WorkReportPage() {
  return <ReportPage mode="work" />;
}
