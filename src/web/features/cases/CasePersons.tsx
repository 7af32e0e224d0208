import { useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiError, queryString } from '../../api/client';
import { type CaseDetail, useCaseStep } from './api';

interface PersonHit { id: string; surname: string | null; givenNames: string | null; nationality: string | null }

/** The persons a case is about: links to their profiles; add (by search) and remove when allowed. */
export function CasePersons({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const step = useCaseStep(c.id);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const hits = useQuery({
    queryKey: ['case-person-search', search],
    queryFn: ({ signal }) => api<{ items: PersonHit[] }>(`/api/v1/persons${queryString({ q: search, pageSize: 10 })}`, { signal }),
    enabled: search.length >= 2,
  });
  const name = (p: PersonHit) => [p.surname, p.givenNames].filter(Boolean).join(', ') || t('cases.personWithheld');
  const linked = new Set(c.persons.map((p) => p.id));
  const editable = c.abilities.linkPerson;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} mt="xs">{t('cases.persons')}</Text>
      {c.persons.length === 0 && <Text size="sm" c="dimmed">{t('cases.noPersons')}</Text>}
      {c.persons.map((p) => (
        <Group key={p.id} gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/persons/${p.id}`} size="sm" data-testid="case-person">{name(p)}{p.nationality ? ` (${p.nationality})` : ''}</Anchor>
          {editable && (
            <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('cases.removePerson')} onClick={() => step.mutate({ step: 'persons/remove', personId: p.id })}>×</ActionIcon>
          )}
        </Group>
      ))}
      {editable && (
        <Group gap="xs" align="flex-end" wrap="wrap" mt={4}>
          <TextInput size="xs" label={t('cases.addPerson')} placeholder={t('cases.searchPerson')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={220}
            onKeyDown={(e) => { if (e.key === 'Enter') setSearch(q.trim()); }} />
          <Button size="xs" variant="default" onClick={() => setSearch(q.trim())}>{t('cases.search')}</Button>
        </Group>
      )}
      {editable && search && hits.data?.items.filter((h) => !linked.has(h.id)).map((h) => (
        <Group key={h.id} gap="xs">
          <Text size="sm">{name(h)}{h.nationality ? ` (${h.nationality})` : ''}</Text>
          <Button size="compact-xs" variant="light" onClick={() => step.mutate({ step: 'persons', personId: h.id }, { onSuccess: () => { setSearch(''); setQ(''); } })}>{t('cases.link')}</Button>
        </Group>
      ))}
      {hits.error instanceof ApiError && <Text size="xs" c="red">{hits.error.message}</Text>}
    </Stack>
  );
}
