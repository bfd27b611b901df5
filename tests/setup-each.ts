// Runs in every unit test file (a setup file runs again for each file, also where files share modules).
import { afterEach } from 'vitest';
import { unmountAll } from './render';

afterEach(unmountAll);
