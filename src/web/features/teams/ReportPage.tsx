import { useState } from 'react';
import { Alert, Button, Card, Group, SegmentedControl, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isValidDate } from '../../../domain/dates';
import { todayIn } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { useZone } from '../auth/useMe';
import { reportUrl, useReport, useTeam } from './api';
import { errorText } from './util';

/** The periodic Timpora report: pick a period, read the figures, download PDF or XLSX. */
export default function ReportPage() {
  usePageTitle('teams.report');
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [period, setPeriod] = useState('month');
  const zone = useZone();
  const [date, setDate] = useState(todayIn(zone));
  const team = useTeam(id);
  const day = isValidDate(date) ? date : todayIn(zone);
  const report = useReport(id, period, day);
  return (
    <Stack maw={900} mx="auto" gap="md">
      <div>
        <Title order={2}>{t('teams.report')}</Title>
        <Text c="dimmed" size="sm">{team.data?.name}</Text>
      </div>
      <Group align="flex-end" wrap="wrap">
        <SegmentedControl value={period} onChange={setPeriod} data={['month', 'quarter', 'year'].map((p) => ({ value: p, label: t(`teams.period.${p}`) }))} data-testid="report-period" />
        <TextInput type="date" label={t('teams.periodDate')} value={date} onChange={(e) => setDate(e.currentTarget.value)} data-testid="report-date" />
        <Button component="a" href={reportUrl(id, period, day, 'pdf')} download variant="light" data-testid="report-pdf">PDF</Button>
        <Button component="a" href={reportUrl(id, period, day, 'xlsx')} download variant="light" data-testid="report-xlsx">XLSX</Button>
      </Group>
      {report.isLoading && <Skeleton h={200} />}
      {report.error && <Alert color="red">{errorText(report.error)}</Alert>}
      {report.data && <Text fw={600}>{report.data.period.label}</Text>}
      {report.data?.sections.map((s) => (
        <Card withBorder key={s.id} data-testid={`report-${s.id}`}>
          <Title order={5} mb="xs">{s.title}</Title>
          <Table striped>
            <Table.Tbody>
              {s.rows.map(([label, value]) => (
                <Table.Tr key={label}><Table.Td>{label}</Table.Td><Table.Td ta="right" fw={600}>{value}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}
