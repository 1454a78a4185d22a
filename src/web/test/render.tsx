/** Renders a component the way the app does (Mantine in test mode, React Query, i18n). */
import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { createQueryClient } from '../lib/query-client.ts';
import { Providers } from '../ui/providers.tsx';

export function renderWithProviders(ui: ReactElement): RenderResult {
  const queryClient = createQueryClient();
  return render(
    <Providers queryClient={queryClient} env="test">
      {ui}
    </Providers>,
  );
}
