/**
 * Create or edit a service unit: name, sector (a ministry's or agency's usual vertical office
 * types first — issue 17), and where it is: street address, kabupaten/kota (searched, or taken
 * from the address) and coordinates typed as people write them, checked inside Indonesia and
 * together, with a link to see them on a map. Checked with the wire's `UnitIn` and worded in the
 * user's language; the server's refusals land on their field (or above the form).
 */
import { useState } from 'react';
import { Alert, Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type Sector, type Unit, UnitIn } from '../../shared/wire/registry.ts';
import { useRegencyNames, useVerticalOfficeTypes } from '../api/registry-locations.ts';
import { boundsOf, fieldProblems } from '../lib/form-schema.ts';
import { toLang } from '../lib/format.ts';
import { applyServerErrors } from './form-errors.ts';
import { LocationPicker } from './location-picker.tsx';
import { RegencyPicker } from './regency-picker.tsx';
import { COORDINATE_BOUNDS, coordinateProblems, osmLink, parseCoordinate, sectorOptions } from './unit-location-model.ts';

export interface UnitFormProps {
  /** The unit being edited; absent for a new one. */
  unit?: Pick<Unit, 'name' | 'sector'> & Partial<Pick<Unit, 'address' | 'regencyCode' | 'latitude' | 'longitude'>>;
  /** The name of the unit's kabupaten/kota, when known (shown before the search loads it). */
  regencyName?: string | null;
  /** The body's registry code: its usual vertical office types come first ("polri" → Polres, Samsat). */
  bodyCode?: string | null;
  onSubmit: (input: UnitIn) => Promise<unknown>;
  onCancel: () => void;
}

const FIELDS = ['name', 'sector', 'address', 'regencyCode', 'latitude', 'longitude'] as const;

interface Values {
  name: string;
  sector: Sector | '';
  address: string;
  regencyCode: string | null;
  latitude: string;
  longitude: string;
}

const coordText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function UnitForm({ unit, regencyName = null, bodyCode = null, onSubmit, onCancel }: UnitFormProps) {
  const { t, i18n } = useTranslation('admin');
  const lang = toLang(i18n.language);
  const types = useVerticalOfficeTypes();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [regencyLabel, setRegencyLabel] = useState<string | null>(regencyName);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: unit?.name ?? '',
      sector: unit?.sector ?? '',
      address: unit?.address ?? '',
      regencyCode: unit?.regencyCode ?? null,
      latitude: coordText(unit?.latitude),
      longitude: coordText(unit?.longitude),
    },
    validate: (values) => {
      const p = fieldProblems(UnitIn, { name: values.name, sector: values.sector, address: values.address.trim() || null });
      const c = coordinateProblems(values.latitude, values.longitude);
      const coordinate = (k: 'latitude' | 'longitude') => {
        const problem = c[k];
        if (!problem) return null;
        const [min, max] = COORDINATE_BOUNDS[k];
        return problem === 'pair' ? t('units.location.pair') : t(`units.location.${problem}`, { min, max });
      };
      return {
        name: p.name && (p.name === 'required' ? t('validation.required') : t('validation.length', boundsOf(UnitIn.shape.name))),
        sector: p.sector && t('validation.choose'),
        address: p.address && t('validation.length', { min: 1, max: boundsOf(UnitIn.shape.address).max }),
        latitude: coordinate('latitude'),
        longitude: coordinate('longitude'),
      };
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setPending(true);
    try {
      await onSubmit({
        name: values.name.trim(),
        sector: values.sector as Sector,
        address: values.address.trim() || null,
        regencyCode: values.regencyCode,
        latitude: parseCoordinate(values.latitude),
        longitude: parseCoordinate(values.longitude),
      });
    } catch (error) {
      setFailure(applyServerErrors(form, t, error, FIELDS));
    } finally {
      setPending(false);
    }
  });

  const pickedProvince = form.values.regencyCode?.split('.')[0];
  const regencyNames = useRegencyNames(pickedProvince ? [pickedProvince] : []);
  const options = sectorOptions(types.data ?? [], bodyCode, lang, (s) => t(`sectors.${s}`));
  const lat = parseCoordinate(form.values.latitude);
  const lon = parseCoordinate(form.values.longitude);
  const located =
    lat !== null &&
    lon !== null &&
    !Number.isNaN(lat) &&
    !Number.isNaN(lon) &&
    Object.keys(coordinateProblems(form.values.latitude, form.values.longitude)).length === 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && (
          <Alert color="red" role="alert" title={t('common.failed')}>
            {failure}
          </Alert>
        )}
        <TextInput label={t('units.form.name')} required data-autofocus {...form.getInputProps('name')} />
        <NativeSelect
          label={options.office.length > 0 ? t('units.form.office_type') : t('units.form.sector')}
          required
          data={[
            { value: '', label: t('units.form.sector_placeholder') },
            ...(options.office.length > 0
              ? [
                  { group: t('units.form.office_types'), items: options.office },
                  { group: t('units.form.other_sectors'), items: options.other },
                ]
              : options.other),
          ]}
          {...form.getInputProps('sector')}
        />
        <fieldset className="unit-location">
          <legend>{t('units.location.legend')}</legend>
          <Stack gap="sm">
            <Textarea label={t('units.location.address')} autosize minRows={2} {...form.getInputProps('address')} />
            <RegencyPicker
              value={form.values.regencyCode}
              valueName={regencyLabel}
              address={form.values.address}
              onChange={(code, name) => {
                form.setFieldValue('regencyCode', code);
                setRegencyLabel(name);
              }}
              error={form.errors.regencyCode as string | undefined}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                label={t('units.location.latitude')}
                description={t('units.location.latitude_hint')}
                inputMode="decimal"
                autoComplete="off"
                {...form.getInputProps('latitude')}
              />
              <TextInput
                label={t('units.location.longitude')}
                description={t('units.location.longitude_hint')}
                inputMode="decimal"
                autoComplete="off"
                {...form.getInputProps('longitude')}
              />
            </SimpleGrid>
            {form.values.regencyCode && (
              <LocationPicker
                regencyCode={form.values.regencyCode}
                point={located ? [lat, lon] : null}
                names={regencyNames}
                onPick={(la, lo) => {
                  form.setFieldValue('latitude', String(la));
                  form.setFieldValue('longitude', String(lo));
                }}
              />
            )}
            {located && (
              <Anchor href={osmLink(lat, lon)} target="_blank" rel="noopener noreferrer" size="sm">
                {t('units.location.see_on_map')}
              </Anchor>
            )}
          </Stack>
        </fieldset>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {unit ? t('units.form.save') : t('units.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
