/**
 * Picks a body: an optional province filter, then a searchable list (searched on the server by
 * name or code, so national lists stay short). Used by the user form and the locus picker.
 */
import { useState } from 'react';
import { NativeSelect, Select, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useBodies, useProvinces } from '../api/registry.ts';

export interface BodyPickerProps {
  value: string | null;
  onChange: (bodyId: string | null) => void;
  /** Starts filtered to this province (the user's choice survives re-renders). */
  initialProvince?: string;
  error?: string | null;
  label: string;
  required?: boolean;
}

export function BodyPicker({ value, onChange, initialProvince = '', error, label, required }: BodyPickerProps) {
  const { t } = useTranslation('admin');
  const [province, setProvince] = useState(initialProvince);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [q] = useDebouncedValue(search, 250);
  const provinces = useProvinces();
  // Once a body is chosen the search box shows its name; do not search for that.
  const bodies = useBodies({ page: 1, pageSize: 100, province: province || null, q: value ? '' : q, active: 'true' });
  const data = (bodies.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name} (${b.code})` }));
  // Keep the chosen body listed even when the current page of results does not hold it.
  if (chosen && chosen.value === value && !data.some((d) => d.value === chosen.value)) data.unshift(chosen);

  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('body_picker.province')}
        value={province}
        onChange={(e) => {
          setProvince(e.currentTarget.value);
          onChange(null);
        }}
        data={[
          { value: '', label: t('body_picker.all_provinces') },
          ...(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name })),
        ]}
      />
      <Select
        label={label}
        placeholder={t('body_picker.placeholder')}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('body_picker.clear') }}
        required={required}
        data={data}
        value={value}
        onChange={(v, option) => {
          setChosen(v && option ? { value: v, label: option.label } : null);
          onChange(v);
        }}
        searchValue={search}
        onSearchChange={setSearch}
        nothingFoundMessage={bodies.isFetching ? t('common.loading') : t('body_picker.nothing')}
        error={error}
        comboboxProps={{ withinPortal: true }}
        maxDropdownHeight={280}
      />
    </Stack>
  );
}
