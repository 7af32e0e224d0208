import { Alert as Notice, Anchor, Badge, Button, Card, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { formatDate } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { ForbiddenPage, NotFoundPage } from '../../pages/StatusPage';
import { OpenCaseButton } from '../cases/OpenCaseButton';
import { useOperation } from './api';
import { ResultsForm } from './ResultsForm';

/** One joint operation: plan, participants, results, findings (each can open a case) and the PDF report. */
export default function OperationPage() {
  usePageTitle('operations.detailTitle');
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const query = useOperation(id);
  if (query.error instanceof ApiError && query.error.status === 403) return <ForbiddenPage />;
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  const o = query.data;
  const byAgency = new Map<string, string[]>();
  for (const p of o?.participants ?? []) byAgency.set(p.agencyName, [...(byAgency.get(p.agencyName) ?? []), ...(p.userName ? [p.userName] : [])]);
  return (
    <Stack gap="md" maw={960}>
      {query.isPending && <Skeleton h={300} />}
      {query.isError && <Notice color="red">{(query.error as Error).message}</Notice>}
      {o && (
        <>
          <Group justify="space-between" wrap="wrap">
            <div>
              <Group gap="xs"><Title order={2}>{o.title}</Title><Badge variant="light">{t(`operations.status.${o.status}`)}</Badge></Group>
              <Text size="sm" c="dimmed">{o.number} · {formatDate(o.plannedOn, i18n.language)} · {o.regionCode}</Text>
            </div>
            <Button component="a" href={`/api/v1/operations/${o.id}/report.pdf`} variant="default" data-testid="op-pdf">{t('operations.pdf')}</Button>
          </Group>
          {o.notes && <Text size="sm">{o.notes}</Text>}
          <Card withBorder padding="sm">
            <Text fw={600} size="sm">{t('operations.targets')}</Text>
            {o.targets.length === 0 && <Text size="sm" c="dimmed">-</Text>}
            {o.targets.map((tg) => <Text key={tg.id} size="sm">{t(`operations.targetKind.${tg.kind}`)}: {tg.name}{tg.villageName && tg.kind === 'lodging' ? ` (${tg.villageName})` : ''}</Text>)}
            <Text fw={600} size="sm" mt="sm">{t('operations.participants')}</Text>
            {[...byAgency].map(([agency, people]) => <Text key={agency} size="sm">{agency}{people.length ? `: ${people.join(', ')}` : ''}</Text>)}
          </Card>
          <Card withBorder padding="sm">
            <Text fw={600} size="sm" mb="xs">{t('operations.checks')}</Text>
            {o.checks.length === 0 ? <Text size="sm" c="dimmed">{t('operations.noChecks')}</Text> : (
              <Table.ScrollContainer minWidth={480}>
                <Table striped data-testid="op-checks">
                  <Table.Thead><Table.Tr><Table.Th>{t('operations.fields.name')}</Table.Th><Table.Th>{t('operations.fields.documentsSeen')}</Table.Th><Table.Th>{t('operations.fields.note')}</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {o.checks.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>{c.personId ? <Anchor component={Link} to={`/persons/${c.personId}`}>{c.name ?? '—'}</Anchor> : c.name ?? '—'}{c.nationality ? ` (${c.nationality})` : ''}</Table.Td>
                        <Table.Td>{c.documentsSeen ?? '—'}</Table.Td><Table.Td>{c.note ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
          <Card withBorder padding="sm">
            <Text fw={600} size="sm" mb="xs">{t('operations.findings')}</Text>
            {o.findings.length === 0 && <Text size="sm" c="dimmed">{t('operations.noFindings')}</Text>}
            <Stack gap="xs">
              {o.findings.map((f) => (
                <Group key={f.id} justify="space-between" wrap="wrap" gap="xs" data-testid="op-finding">
                  <Text size="sm">{f.description} <Text span c="dimmed" size="xs">[{f.villageCode}]</Text></Text>
                  {f.case ? <Anchor component={Link} to={`/cases/${f.case.id}`} size="sm">{t('operations.caseLink', { number: f.case.number })}</Anchor>
                    : <OpenCaseButton source={{ kind: 'operation_finding', id: f.id }} title={f.description.slice(0, 200)} />}
                </Group>
              ))}
            </Stack>
          </Card>
          {o.abilities.recordResults && <ResultsForm id={o.id} regionCode={o.regionCode} />}
        </>
      )}
    </Stack>
  );
}
