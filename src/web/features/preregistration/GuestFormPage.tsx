import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Container, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useParams } from 'react-router-dom';
import { PERMIT_KINDS } from '../../../domain/permits/kinds';
import { type PreregAnswers, checkPreregistration } from '../../../domain/preregistration/check';
import { type PreregErrorKey, preregMessage } from '../../../domain/preregistration/errors';
import { LANGUAGE_NAMES, type PreregLanguage, isRightToLeft } from '../../../domain/preregistration/languages';
import { IconCheck } from '../../shell/icons';
import { Logo } from '../../shell/Logo';
import { type GuestProblem, useGuestForm, useGuestSubmit } from './api';
import { PREREG_LANGUAGES, countryOptions, guestText, initialGuestLanguage, rememberGuestLanguage } from './guestText';

// The guest's own form, opened from the lodging's QR poster on the guest's phone: no login,
// seven languages (Arabic right to left). What is sent is a draft for the clerk, not a report.

type Problems = Record<string, { key: PreregErrorKey; params?: Record<string, string | number> }>;

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const empty = (): PreregAnswers => ({
  guest: { surname: '', givenNames: '', sex: '', dateOfBirth: '', nationality: '', document: { number: '', issuingState: '', expiryDate: '' } },
  arrivalDate: localToday(), plannedDeparture: '',
});

/** The page's language and direction on <html>, so dialogs, dates and the browser follow it; put back on leaving. */
function useDocumentLanguage(lang: PreregLanguage) {
  useEffect(() => {
    const root = document.documentElement;
    const before = { lang: root.lang, dir: root.dir };
    root.lang = lang;
    root.dir = isRightToLeft(lang) ? 'rtl' : 'ltr';
    return () => { root.lang = before.lang; root.dir = before.dir || 'ltr'; };
  }, [lang]);
}

export default function GuestFormPage() {
  const { token = '' } = useParams();
  const [lang, setLang] = useState<PreregLanguage>(initialGuestLanguage);
  const t = guestText(lang);
  useDocumentLanguage(lang);
  useEffect(() => { document.title = `${t('title')} · Sinergi`; }, [t]);
  const form = useGuestForm(token, lang);
  const submit = useGuestSubmit(token);
  const [answers, setAnswers] = useState<PreregAnswers>(empty);
  const [problems, setProblems] = useState<Problems>({});
  const [done, setDone] = useState<string | null>(null);
  const countries = useMemo(() => countryOptions(lang), [lang]);
  const dir = isRightToLeft(lang) ? 'rtl' : 'ltr';

  const set = (path: string, value: string) => {
    setAnswers((a) => {
      const next = structuredClone(a) as unknown as Record<string, unknown>;
      const keys = path.split('.');
      let at = next;
      for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
      at[keys.at(-1)!] = value;
      const n = next as unknown as PreregAnswers;
      // the passport is usually issued by the guest's own country
      if (path === 'guest.nationality' && !a.guest.document.issuingState) n.guest.document.issuingState = value;
      if (path === 'permitKind' && !value) delete n.permitKind;
      return n;
    });
    setProblems((p) => { const { [path]: _, ...rest } = p; return rest; });
  };

  const focusFirst = () => requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('[data-guest-form] [aria-invalid="true"]');
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkPreregistration(answers, localToday(), () => true);
    if (found.length) {
      setProblems(Object.fromEntries(found.map((p) => [p.field, { key: p.key, params: p.params }])));
      focusFirst();
      return;
    }
    submit.mutate({ lang, answers }, {
      onSuccess: (res) => { setDone(res.reference); window.scrollTo({ top: 0 }); },
      onError: (err) => {
        const p = err as unknown as GuestProblem;
        if (p.status === 400) {
          setProblems(Object.fromEntries(p.errors.map((x) => [x.field, { key: x.key, params: (x as { params?: Record<string, string | number> }).params }])));
          focusFirst();
        }
      },
    });
  };

  const problemOf = (path: string) => (problems[path] ? preregMessage(lang, problems[path].key, problems[path].params) : undefined);
  const testId = (path: string) => `guest-${path.replace(/^guest\./, '').replaceAll('.', '-')}`;
  const text = (path: string, value: string) => ({
    value, error: problemOf(path), name: path, 'data-testid': testId(path),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set(path, e.currentTarget.value),
  });
  const submitError = submit.error as unknown as GuestProblem | null;

  const header = (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Group gap={8} wrap="nowrap"><Logo size={28} /><Text fw={700}>Sinergi</Text></Group>
      <NativeSelect
        aria-label={t('language')} size="sm" value={lang} data-testid="guest-language"
        data={PREREG_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        onChange={(e) => { const l = e.currentTarget.value as PreregLanguage; setLang(l); rememberGuestLanguage(l); }}
      />
    </Group>
  );

  let body: React.ReactNode;
  if (form.isPending) body = <Group justify="center" py="xl"><Loader /><Text>{t('loading')}</Text></Group>;
  else if (form.isError) {
    const status = (form.error as unknown as GuestProblem).status;
    body = (
      <Alert color={status === 404 ? 'red' : 'yellow'} title={status === 404 ? t('invalidLink') : t('failed')} data-testid="guest-invalid">
        {status === 404 ? t('invalidLinkBody') : status === 429 ? t('rateLimited') : t('network')}
      </Alert>
    );
  } else if (done) {
    body = (
      <Paper withBorder radius="md" p="xl" data-testid="guest-done">
        <Stack align="center" gap="sm">
          <ThemeIcon color="green" size={56} radius="xl"><IconCheck size={32} /></ThemeIcon>
          <Title order={3} ta="center">{t('doneTitle')}</Title>
          <Text ta="center">{t('doneBody')}</Text>
          <Text size="sm" c="dimmed">{t('reference')}</Text>
          <Text fz={28} fw={800} ff="monospace" dir="ltr" data-testid="guest-reference">{done}</Text>
          <Button variant="light" onClick={() => { setAnswers(empty()); setDone(null); submit.reset(); }}>{t('another')}</Button>
        </Stack>
      </Paper>
    );
  } else {
    const g = answers.guest;
    body = (
      <form onSubmit={onSubmit} noValidate data-guest-form data-testid="guest-form">
        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed">{t('stayAt')}</Text>
            <Title order={3} data-testid="guest-lodging">{form.data.lodgingName}</Title>
            <Text size="sm" mt={4}>{t('intro')}</Text>
          </div>
          {Object.keys(problems).length > 0 && <Alert color="red" variant="light" data-testid="guest-fix">{t('fixErrors')}</Alert>}
          {submitError && submitError.status !== 400 && (
            <Alert color="red" title={t('failed')} data-testid="guest-error">
              {submitError.status === 429 ? t('rateLimited') : submitError.status === 404 ? t('invalidLinkBody') : t('network')}
            </Alert>
          )}
          <Paper withBorder p="md" radius="md">
            <Title order={5} mb="sm">{t('sectionGuest')}</Title>
            <Stack gap="sm">
              <TextInput label={t('surname')} description={t('latinHint')} required autoComplete="family-name" autoCapitalize="characters" {...text('guest.surname', g.surname)} />
              <TextInput label={t('givenNames')} autoComplete="given-name" autoCapitalize="characters" {...text('guest.givenNames', g.givenNames)} />
              <NativeSelect label={t('sex')} required data={[{ value: '', label: t('choose') }, { value: 'M', label: t('sexM') }, { value: 'F', label: t('sexF') }, { value: 'X', label: t('sexX') }]} {...text('guest.sex', g.sex)} />
              <TextInput type="date" label={t('dateOfBirth')} required max={localToday()} {...text('guest.dateOfBirth', g.dateOfBirth)} />
              <NativeSelect label={t('nationality')} required data={[{ value: '', label: t('choose') }, ...countries]} {...text('guest.nationality', g.nationality)} />
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={5} mb="sm">{t('sectionPassport')}</Title>
            <Stack gap="sm">
              <TextInput label={t('passportNumber')} required autoComplete="off" autoCapitalize="characters" dir="ltr" {...text('guest.document.number', g.document.number)}
                onChange={(e) => set('guest.document.number', e.currentTarget.value.toUpperCase())} />
              <NativeSelect label={t('issuingState')} required data={[{ value: '', label: t('choose') }, ...countries]} {...text('guest.document.issuingState', g.document.issuingState)} />
              <TextInput type="date" label={t('passportExpiry')} required {...text('guest.document.expiryDate', g.document.expiryDate)} />
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={5} mb="sm">{t('sectionStay')}</Title>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput type="date" label={t('arrivalDate')} required {...text('arrivalDate', answers.arrivalDate)} />
              <TextInput type="date" label={t('plannedDeparture')} min={answers.arrivalDate || undefined} {...text('plannedDeparture', answers.plannedDeparture ?? '')} />
            </SimpleGrid>
            <NativeSelect mt="sm" label={t('permitKind')}
              data={[{ value: '', label: t('permitUnknown') }, ...PERMIT_KINDS.map((k) => ({ value: k, label: t(`permit_${k}`) }))]}
              {...text('permitKind', answers.permitKind ?? '')} />
          </Paper>
          <Text size="xs" c="dimmed">{t('privacy')}</Text>
          <Button type="submit" size="lg" fullWidth loading={submit.isPending} data-testid="guest-submit">{t('submit')}</Button>
        </Stack>
      </form>
    );
  }

  return (
    <Box dir={dir} lang={lang} mih="100vh" bg="var(--mantine-color-gray-0)" data-testid="guest-page" data-dir={dir}>
      <Container size={560} px="sm" py="md">
        <Stack gap="md">
          {header}
          <Title order={2}>{t('title')}</Title>
          {body}
        </Stack>
      </Container>
    </Box>
  );
}
