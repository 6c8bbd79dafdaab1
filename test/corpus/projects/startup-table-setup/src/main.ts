import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import express from 'express';
import { getDynamo } from './db/client';
import { createTables } from './db/tables';

async function main(): Promise<void> {
  await createTables();

  const app = express();
  app.get('/orders/:id', async (req, res) => {
    const { Item } = await getDynamo().send(new GetItemCommand({ TableName: 'orders', Key: { id: { S: req.params.id } } }));
    if (!Item) {
      res.sendStatus(404);
      return;
    }
    res.json(Item);
  });
  app.listen(Number(process.env.PORT ?? 3000));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
