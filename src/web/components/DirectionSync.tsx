import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../i18n/languages.ts';

/** Keeps Mantine's direction (menus, drawers, icons) in step with the language: right to left for Arabic. */
export function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const language = i18n.language;
  useEffect(() => setDirection(directionOf(language)), [language, setDirection]);
  return null;
}
