import { FoundationSchema1763798400000 } from '../../migrations/1763798400000-foundation-schema';

/** Every migration, oldest first. A committed migration is never edited: add a new one to the end. */
export const MIGRATIONS = [FoundationSchema1763798400000];
