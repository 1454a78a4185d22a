/** Page navigation under a list: "21–40 dari 214" and the page buttons (hidden for one page). */
import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format.ts';

export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  /** Names the list for screen readers ("Halaman daftar pengguna"). */
  label: string;
}

export function Pager({ page, pageSize, total, onChange, label }: PagerProps) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.range', { first: format.integer(first), last: format.integer(last), total: format.integer(total) })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          size="sm"
          siblings={0}
          boundaries={1}
          aria-label={label}
          getControlProps={(control) => ({ 'aria-label': t(`common.pager.${control}`) })}
          getItemProps={(p) => ({ 'aria-label': t('common.pager.page', { page: p }) })}
        />
      )}
    </Group>
  );
}
