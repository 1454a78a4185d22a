/** The hash-chain indication for the events on screen (see audit-chain.ts for its limits). */
import { Alert, Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../shared/wire/audit.ts';
import { useFormat } from '../lib/format.ts';
import { checkChainLinks } from './audit-chain.ts';

export function AuditChainBadge({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const check = checkChainLinks(events);
  if (check.checked === 0) return null;
  const broken = check.brokenAt !== null;
  return (
    <Alert
      color={broken ? 'red' : 'teal'}
      role="status"
      title={broken ? t('audit.chain.broken', { seq: check.brokenAt }) : t('audit.chain.ok', { n: format.integer(check.checked) })}
      data-chain={broken ? 'broken' : 'ok'}
    >
      <Text size="sm">
        {t('audit.chain.note')} <Code>pantau audit verify</Code>
      </Text>
    </Alert>
  );
}
