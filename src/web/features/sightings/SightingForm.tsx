import { useState, type FormEvent } from 'react';
import { Button, FileInput, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_CATEGORIES, SIGHTING_PHOTO_MAX_BYTES } from '../../../domain/sightings';
import { useCountryOptions } from '../../api/reference';
import type { Me } from '../../api/types';
import { useAreaVillages } from './api';
import { checkForm, emptyForm, type FormErrors, type FormKey, type FormValues, toInput } from './form';
import { enqueue, flush } from './queue';

/**
 * The report itself: when, where (GPS from the phone, or typed, and the village), who if known,
 * what they were doing, an optional photo. Saving always puts it in the phone's queue first;
 * the queue sends it at once when there is signal, later when there is not.
 */
export function SightingForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const villages = useAreaVillages(me);
  const countries = useCountryOptions();
  const [values, setValues] = useState<FormValues>(() => emptyForm());
  const [errors, setErrors] = useState<FormErrors>({});
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoError, setPhotoError] = useState<string | undefined>();
  const [locating, setLocating] = useState(false);
  const [saving, setSaving] = useState(false);

  const set = (key: FormKey, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const err = (key: FormKey) => (errors[key] ? t(errors[key]!) : undefined);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      notifications.show({ color: 'yellow', message: t('sightings.form.noGps') });
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        set('lat', pos.coords.latitude.toFixed(6));
        set('lon', pos.coords.longitude.toFixed(6));
      },
      () => {
        setLocating(false);
        notifications.show({ color: 'yellow', message: t('sightings.form.noGps') });
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const pickPhoto = (file: File | null) => {
    setPhotoError(undefined);
    if (file && !['image/jpeg', 'image/png'].includes(file.type)) return setPhotoError(t('sightings.errors.photoType'));
    if (file && file.size > SIGHTING_PHOTO_MAX_BYTES) return setPhotoError(t('sightings.errors.photoSize'));
    setPhoto(file);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = checkForm(values);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setSaving(true);
    try {
      await enqueue({ userId: me.id, input: toInput(values), photo: photo ?? undefined });
      notifications.show({ color: 'green', message: t(navigator.onLine ? 'sightings.form.sending' : 'sightings.form.savedOffline') });
      // the place stays for the next report from the same spot; who and what start again
      setValues((v) => ({ ...emptyForm(v.villageCode), lat: v.lat, lon: v.lon, rw: v.rw, rt: v.rt }));
      setPhoto(null);
      void flush(me.id, true);
    } finally {
      setSaving(false);
    }
  };

  const villageOptions = (villages.data ?? []).map((v) => ({ value: v.code, label: v.district ? `${v.name} — ${v.district}` : v.name }));
  const categoryOptions = ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: t(`sightings.category.${c}`) }));

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate data-testid="sighting-form">
      <Stack gap="md">
        <TextInput type="datetime-local" label={t('sightings.form.observedAt')} required value={values.observedAt}
          onChange={(e) => set('observedAt', e.currentTarget.value)} error={err('observedAt')} data-testid="sighting-observedAt" />

        <Title order={5}>{t('sightings.form.where')}</Title>
        <Button variant="light" onClick={locate} loading={locating} data-testid="sighting-locate">{t('sightings.form.useGps')}</Button>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('sightings.form.lat')} inputMode="decimal" required value={values.lat} onChange={(e) => set('lat', e.currentTarget.value)}
            error={err('lat')} data-testid="sighting-lat" />
          <TextInput label={t('sightings.form.lon')} inputMode="decimal" required value={values.lon} onChange={(e) => set('lon', e.currentTarget.value)}
            error={err('lon')} data-testid="sighting-lon" />
        </SimpleGrid>
        <Select label={t('sightings.form.village')} required searchable data={villageOptions} value={values.villageCode || null}
          onChange={(v) => set('villageCode', v ?? '')} error={err('villageCode')} nothingFoundMessage={t('common.nothingFound')}
          placeholder={villages.isError ? t('sightings.form.villagesOffline') : undefined} data-testid="sighting-village" />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('sightings.form.rw')} inputMode="numeric" maxLength={3} value={values.rw} onChange={(e) => set('rw', e.currentTarget.value)} error={err('rw')} data-testid="sighting-rw" />
          <TextInput label={t('sightings.form.rt')} inputMode="numeric" maxLength={3} value={values.rt} onChange={(e) => set('rt', e.currentTarget.value)} error={err('rt')} data-testid="sighting-rt" />
        </SimpleGrid>

        <Title order={5}>{t('sightings.form.who')}</Title>
        <TextInput label={t('sightings.form.name')} maxLength={100} value={values.name} onChange={(e) => set('name', e.currentTarget.value)} data-testid="sighting-name" />
        <Select label={t('sightings.form.nationality')} searchable clearable data={countries} value={values.nationality || null}
          onChange={(v) => set('nationality', v ?? '')} nothingFoundMessage={t('common.nothingFound')} data-testid="sighting-nationality" />
        <Textarea label={t('sightings.form.description')} maxLength={500} autosize minRows={2} value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)} data-testid="sighting-description" />

        <Title order={5}>{t('sightings.form.what')}</Title>
        <Select label={t('sightings.form.category')} required data={categoryOptions} value={values.category || null}
          onChange={(v) => set('category', v ?? '')} error={err('category')} data-testid="sighting-category" />
        <Textarea label={t('sightings.form.note')} maxLength={500} autosize minRows={2} value={values.note}
          onChange={(e) => set('note', e.currentTarget.value)} data-testid="sighting-note" />
        <FileInput label={t('sightings.form.photo')} description={t('sightings.form.photoHint')} accept="image/jpeg,image/png" clearable
          value={photo} onChange={pickPhoto} error={photoError} data-testid="sighting-photo" />

        <Group justify="flex-end">
          <Button type="submit" loading={saving} size="md" fullWidth data-testid="sighting-submit">{t('sightings.form.save')}</Button>
        </Group>
        <Text size="xs" c="dimmed">{t('sightings.form.offlineNote')}</Text>
      </Stack>
    </Paper>
  );
}
