/**
 * The instrument form beside its live unit preview: the preview scores this sheet together
 * with the unit's other sheets on the device. Storage-free (the screen persists), so tests
 * and later screens (assignments) can reuse it.
 */
import { useMemo, type ReactNode } from 'react';
import { Box, Grid } from '@mantine/core';
import type { Instrument, Scheme, Sheet } from '../../core/types.ts';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { InstrumentForm, type InstrumentFormProps } from './instrument-form.tsx';
import { ScorePreview } from './score-preview.tsx';
import { toEngineSheet, type SheetValue } from './sheet-model.ts';

export interface SheetWorkspaceProps {
  sheetId: string;
  scheme: Scheme;
  instrument: Instrument;
  value: SheetValue;
  onChange: (update: (prev: SheetValue) => SheetValue) => void;
  onSubmit: (value: SheetValue) => void;
  /** The unit's other sheets known on this device. */
  otherSheets?: Sheet[];
  submitting?: boolean;
  actions?: ReactNode;
  indicatorExtra?: InstrumentFormProps['indicatorExtra'];
}

const NO_SHEETS: Sheet[] = [];

export function SheetWorkspace({ sheetId, scheme, instrument, value, otherSheets = NO_SHEETS, ...form }: SheetWorkspaceProps) {
  const sheets = useMemo(
    () => [...otherSheets, toEngineSheet(sheetId, instrument.code, value)],
    [otherSheets, sheetId, instrument.code, value],
  );
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
        <PanelBoundary>
          <InstrumentForm scheme={scheme} instrument={instrument} value={value} {...form} />
        </PanelBoundary>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
        <Box className="sticky-md">
          <PanelBoundary>
            <ScorePreview scheme={scheme} sheets={sheets} />
          </PanelBoundary>
        </Box>
      </Grid.Col>
    </Grid>
  );
}
