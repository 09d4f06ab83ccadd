// Contract methods — User preferences shared by both shells.
import { z } from 'zod'
import { Settings } from '../domain'
import { method } from './define'

export const settingsMethods = {
  'settings.get': method('User preferences.', z.object({}), Settings),
  'settings.update': method('Changes some preferences.', Settings.partial(), Settings),
} as const
