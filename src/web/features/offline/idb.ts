// The few IndexedDB calls an offline queue needs: one object store of records keyed by id, in a
// database of its own per form (the clerk's check-ins, the field officer's sightings).

const STORE = 'reports';

export interface KeyedStore {
  idbAll<T>(): Promise<T[]>;
  idbPut<T extends { id: string }>(value: T): Promise<IDBValidKey>;
  idbDelete(id: string): Promise<undefined>;
}

export function keyedStore(dbName: string): KeyedStore {
  let opening: Promise<IDBDatabase> | null = null;
  const db = (): Promise<IDBDatabase> => {
    opening ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(dbName, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => { opening = null; reject(req.error); };
    });
    return opening;
  };
  const run = <T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    db().then((d) => new Promise<T>((resolve, reject) => {
      const tx = d.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      // resolve when the write is durable, not merely requested
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    }));
  return {
    idbAll: <T>() => run('readonly', (s) => s.getAll() as IDBRequest<T[]>),
    idbPut: (value) => run('readwrite', (s) => s.put(value)),
    idbDelete: (id) => run('readwrite', (s) => s.delete(id)),
  };
}
