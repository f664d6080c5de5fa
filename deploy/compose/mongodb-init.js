// Runs once when the Compose platform starts: makes the three mongod a replica set (if they are not one yet) and
// waits until it has a primary, so that no service starts against a set that cannot take writes.
const members = [0, 1, 2].map((i) => ({ _id: i, host: `mongodb-${i + 1}:27017` }));
try {
  rs.status();
} catch (e) {
  if (e.codeName !== "NotYetInitialized") throw e;
  rs.initiate({ _id: "rs0", members });
}
for (let i = 0; i < 120; i++) {
  if (db.hello().isWritablePrimary || rs.status().members.some((m) => m.stateStr === "PRIMARY")) {
    print("MongoDB replica set rs0 has a primary.");
    quit(0);
  }
  sleep(1000);
}
print("MongoDB replica set rs0 has no primary after 2 minutes");
quit(1);
