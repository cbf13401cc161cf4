#!/usr/bin/env node
// Runs the TypeScript command with tsx, so `npx lantern` needs no build step.
import { register } from 'tsx/esm/api'

register()
await import('./lantern.ts')
