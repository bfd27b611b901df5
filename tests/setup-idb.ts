// An IndexedDB in memory for every unit test (a file of our own, so it resolves the same from any checkout).
import 'fake-indexeddb/auto';
