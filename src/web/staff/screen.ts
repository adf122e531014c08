import { createContext, useContext } from 'react';
import type { StaffScreen } from './modules.ts';

export const ScreenContext = createContext<StaffScreen | null>(null);

/** The registry entry of the screen being shown (its label, permission, path). */
export function useScreen(): StaffScreen {
  const screen = useContext(ScreenContext);
  if (!screen) throw new Error('useScreen() outside a staff screen');
  return screen;
}
