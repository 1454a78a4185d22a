/**
 * Issue 17: the kabupaten/kota of a unit, chosen by search (registry names: "Kota Cilegon",
 * "Kabupaten Serang"), with a suggestion from the typed address (`GET /regencies/match`): "The
 * address names Kota Cilegon — use it". The value is the Kemendagri code ("36.72").
 */
import { useState } from 'react';
import { Button, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useRegencyMatch, useRegencySearch } from '../api/registry-locations.ts';

export interface RegencyPickerProps {
  value: string | null;
  /** The name shown for `value` before a search has loaded it. */
  valueName: string | null;
  address: string;
  onChange: (code: string | null, name: string | null) => void;
  error?: string | undefined;
}

export function RegencyPicker({ value, valueName, address, onChange, error }: RegencyPickerProps) {
  const { t } = useTranslation('admin');
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const [debouncedAddress] = useDebouncedValue(address, 400);
  const found = useRegencySearch(typed);
  const match = useRegencyMatch(debouncedAddress);
  const suggestion = match.data?.regency ?? null;
  const options = (found.data?.items ?? []).map((b) => ({ value: b.code, label: b.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: valueName ?? value });
  return (
    <div>
      <Select
        label={t('units.location.regency')}
        description={t('units.location.regency_hint')}
        placeholder={t('units.location.regency_placeholder')}
        searchable
        clearable
        data={options}
        value={value}
        // The server searches; every option it returns is shown.
        filter={({ options: all }) => all}
        searchValue={search}
        onSearchChange={setSearch}
        onChange={(code) => onChange(code, options.find((o) => o.value === code)?.label ?? null)}
        nothingFoundMessage={found.isFetching ? t('units.location.searching') : t('units.location.none_found')}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      {suggestion && suggestion.code !== value && (
        <Group gap="xs" mt={6} wrap="wrap" role="status">
          <Text size="sm">{t('units.location.suggestion', { name: suggestion.name })}</Text>
          <Button size="compact-sm" variant="light" onClick={() => onChange(suggestion.code, suggestion.name)}>
            {t('units.location.use_suggestion', { name: suggestion.name })}
          </Button>
        </Group>
      )}
    </div>
  );
}
