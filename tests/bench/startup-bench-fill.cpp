// SPDX-License-Identifier: GPL-3.0-or-later
// Fills the start-up benchmark's database with inventory rows (tests/bench/startup-bench;
// the probe runs come from store-bench fill, in a process of their own).
//
//   startup-bench-fill DB HOST ROWS
#include "model/store/store.h"

#include <QCoreApplication>

#include <cstdio>

using namespace portolan;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: startup-bench-fill DB HOST ROWS\n");
        return 1;
    }
    DatabaseOptions options;
    options.path = args[0];
    options.localHost = args[1];
    Result<std::unique_ptr<Store>> store = Store::open(options);
    if (!store) {
        std::fprintf(stderr, "startup-bench-fill: %s\n", store.error().describe().c_str());
        return 2;
    }
    const int rows = args[2].toInt();
    Result<Transaction> transaction =
        Transaction::begin(store.value()->database(), QStringLiteral("fill the inventory"));
    if (!transaction) {
        std::fprintf(stderr, "startup-bench-fill: %s\n", transaction.error().describe().c_str());
        return 2;
    }
    for (int i = 0; i < rows; ++i) {
        ReservationRecord record;
        record.host = args[1];
        record.protocol = i % 2 ? Protocol::Udp : Protocol::Tcp;
        // 1,000 blocks of 10 ports, 60 apart per protocol: 1024 .. ~61000.
        record.start = quint16(1024 + (i / 2) * 60);
        record.count = 10;
        record.token = 0x1000000000000000ULL + quint64(i);
        record.source = ReservationSource(i % 4);
        record.state = ReservationState(i % 3);
        record.note = QStringLiteral("bench block %1: owner team %2").arg(i).arg(i % 17);
        Result<ReservationRecord> stored = store.value()->inventory().upsert(record);
        if (!stored) {
            std::fprintf(stderr, "startup-bench-fill: %s\n", stored.error().describe().c_str());
            return 2;
        }
    }
    if (Result<void> committed = transaction->commit(); !committed) {
        std::fprintf(stderr, "startup-bench-fill: %s\n", committed.error().describe().c_str());
        return 2;
    }
    std::printf("inventory_rows=%d\n", rows);
    return 0;
}
