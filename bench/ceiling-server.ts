/**
 * The machine's ceilings for `npm run bench`: Fastify answering a constant (hello world), and Fastify
 * answering one `SELECT 1` through a `pg` pool of 10 connections. Started as its own process, like the app.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
app.get('/select1', async () => {
  const result = await pool.query('SELECT 1 AS one');
  return { one: result.rows[0]?.one };
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${address}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => pool.end().then(() => process.exit(0)));
});
