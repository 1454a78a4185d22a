/**
 * Leaderboard filters: cycle (year), ranking view (national / province), body type, province
 * and a name search (fields.tsx: native controls, light, the phone's own picker on touch).
 * Every change goes straight to the URL (the parent's `onChange`).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyType, Province } from '../../shared/wire/registry.ts';
import type { CycleSummary } from '../../shared/wire/cycles.ts';
import { SearchField, SelectField } from './fields.tsx';
import { familiesOf } from './leaderboard-model.ts';
import { LEADERBOARD_TYPES, REGIONAL_TYPES, type LeaderboardSearch, type LeaderboardView } from './public-search.ts';

export interface LeaderboardFiltersProps {
  cycles: CycleSummary[];
  provinces: Province[];
  value: LeaderboardSearch & { cycle: string; view: LeaderboardView; type: BodyType };
  onChange: (patch: Partial<LeaderboardSearch>) => void;
}

export function LeaderboardFilters({ cycles, provinces, value, onChange }: LeaderboardFiltersProps) {
  const { t, i18n } = useTranslation('public');
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'id';
  // PEKPPP apart from Ombudsman: a family choice when more than one is published; its label is
  // the scheme's own programme and issuer (library `terms`), else the generic compliance name.
  const families = familiesOf(cycles);
  const shown = value.family ? cycles.filter((c) => c.family === value.family) : cycles;
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  const regional = value.view === 'province' || REGIONAL_TYPES.includes(value.type);
  const provinceOptions = provinces.map((p) => ({ value: p.code, label: p.name }));

  return (
    <form role="search" aria-label={t('filters.label')} className="lb-filters" onSubmit={(e) => e.preventDefault()}>
      {families.length > 1 && (
        <SelectField
          label={t('filters.family')}
          value={value.family ?? ''}
          onChange={(family) => onChange({ family, cycle: undefined })}
          options={families.map((c) => ({
            value: c.family,
            label: c.terms ? `${c.terms.programme[lang]} (${c.terms.issuerShort[lang]})` : t('filters.family_default'),
          }))}
        />
      )}
      <SelectField
        label={t('filters.cycle')}
        value={value.cycle}
        onChange={(cycle) => onChange({ cycle })}
        options={shown.map((c) => ({ value: c.id, label: `${c.year} · ${c.name}` }))}
      />
      <SelectField
        label={t('filters.view')}
        value={value.view}
        onChange={(view) => onChange({ view: view as LeaderboardView })}
        options={[
          { value: 'national', label: t('filters.views.national') },
          { value: 'province', label: t('filters.views.province') },
        ]}
      />
      {value.view === 'national' && (
        <SelectField
          label={t('filters.type')}
          value={value.type}
          onChange={(type) => onChange({ type: type as BodyType })}
          options={LEADERBOARD_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
        />
      )}
      <SelectField
        label={t('filters.province')}
        value={regional ? (value.province ?? '') : ''}
        disabled={!regional}
        onChange={(province) => onChange({ province: province || undefined })}
        options={[
          { value: '', label: value.view === 'province' ? t('filters.province_pick') : t('filters.province_all') },
          ...provinceOptions,
        ]}
      />
      <SearchField
        label={t('filters.search')}
        placeholder={t('filters.search_placeholder')}
        value={q}
        onChange={(next) => {
          setQ(next);
          onChange({ q: next.trim() || undefined });
        }}
      />
    </form>
  );
}
