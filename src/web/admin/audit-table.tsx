/** Audit events as a table: when, who, what, on which subject, and the recorded difference. */
import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../shared/wire/audit.ts';
import { useFormat } from '../lib/format.ts';

function Diff({ diff }: { diff: unknown }) {
  const { t } = useTranslation('admin');
  if (diff === null || diff === undefined) return <>—</>;
  const text = JSON.stringify(diff);
  if (text.length <= 80) return <Code>{text}</Code>;
  return (
    <details>
      <summary>
        <Text span size="xs">
          {t('audit.show_diff', { n: text.length })}
        </Text>
      </summary>
      <Code block maw={420} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {JSON.stringify(diff, null, 1)}
      </Code>
    </details>
  );
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped withTableBorder verticalSpacing="xs" fz="sm">
        <Table.Caption>{t('audit.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.columns.seq')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.subject')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.diff')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.seq}>
              <Table.Td className="tabular">{e.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(e.at)}</Table.Td>
              <Table.Td>{e.actorLabel}</Table.Td>
              <Table.Td ff="monospace">{e.action}</Table.Td>
              <Table.Td>
                {e.subjectType}
                {e.subjectId && (
                  <Text size="xs" c="dimmed" ff="monospace" title={e.subjectId}>
                    {e.subjectId.slice(0, 8)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Diff diff={e.diff} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
