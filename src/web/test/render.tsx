/** Renders a component the way the app does (Mantine in test mode, React Query, i18n). */
import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { Providers } from '../app/providers.tsx';
import { createQueryClient } from '../lib/query-client.ts';

export function renderWithProviders(ui: ReactElement): RenderResult {
  const queryClient = createQueryClient();
  return render(
    <Providers queryClient={queryClient} env="test">
      {ui}
    </Providers>,
  );
}
