import { Group, Paper, Progress, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REPORT_KINDS } from '../../../domain/reports/kinds';
import type { PresentStats } from '../../api/types';

const COLORS = { lodging: 'blue', work: 'grape', residence: 'teal' } as const;

/** Who is present, by what reported them: lodging guests, foreign workers, residents with private hosts. */
export function ReportKindBreakdown({ stats, pending }: { stats: PresentStats | undefined; pending: boolean }) {
  const { t } = useTranslation();
  const total = stats?.presentCount ?? 0;
  return (
    <Paper withBorder p="md" radius="md" data-testid="report-kind-breakdown">
      <Title order={4} mb="sm">{t('workReports.byKind')}</Title>
      {pending ? <Skeleton h={60} /> : (
        <SimpleGrid cols={{ base: 3 }} spacing="md">
          {REPORT_KINDS.map((kind) => {
            const n = stats?.byReportKind?.[kind] ?? 0;
            return (
              <div key={kind}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{t(`workReports.kindPlural.${kind}`)}</Text>
                <Group gap={6} align="baseline">
                  <Text fz={{ base: 24, sm: 32 }} fw={800} className="stat-number" c={`${COLORS[kind]}.8`} data-testid={`present-${kind}`}>{n}</Text>
                  <Text size="xs" c="dimmed">{total ? Math.round((n / total) * 100) : 0}%</Text>
                </Group>
                <Progress value={total ? (n / total) * 100 : 0} color={COLORS[kind]} size="sm" />
              </div>
            );
          })}
        </SimpleGrid>
      )}
    </Paper>
  );
}
