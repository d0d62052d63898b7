// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/fleet/fleetrecords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <utility>

namespace portolan {
namespace {

bool startsBefore(const SnapshotBlock& a, const SnapshotBlock& b)
{
    return a.range.start < b.range.start;
}

QString protocolText(Protocol protocol)
{
    return QString::fromLatin1(toString(protocol).data(), qsizetype(toString(protocol).size()));
}

QJsonObject rangeJson(Protocol protocol, const PortRange& range)
{
    return {{QStringLiteral("protocol"), protocolText(protocol)},
            {QStringLiteral("start"), int(range.start)},
            {QStringLiteral("count"), int(range.count)}};
}

QJsonObject blockJson(const SnapshotBlock& block)
{
    QJsonObject object = rangeJson(block.protocol, block.range);
    object.insert(QStringLiteral("persistent"), block.persistent);
    object.insert(QStringLiteral("owner"), block.owner);
    return object;
}

PortRange rangeFrom(const QJsonObject& object)
{
    return PortRange{std::uint16_t(object.value(QLatin1String("start")).toInt()),
                     std::uint16_t(object.value(QLatin1String("count")).toInt())};
}

Protocol protocolFrom(const QJsonObject& object)
{
    return object.value(QLatin1String("protocol")).toString() == QLatin1String("udp")
               ? Protocol::Udp
               : Protocol::Tcp;
}

SnapshotBlock blockFrom(const QJsonObject& object)
{
    SnapshotBlock block;
    block.protocol = protocolFrom(object);
    block.range = rangeFrom(object);
    block.persistent = object.value(QLatin1String("persistent")).toBool();
    block.owner = object.value(QLatin1String("owner")).toString();
    return block;
}

// Removes the blocks both lists hold at the same place; what is left differs.
void dropUnchanged(QList<SnapshotBlock>& before, QList<SnapshotBlock>& after)
{
    for (qsizetype i = 0; i < before.size();) {
        const auto same = std::find_if(after.begin(), after.end(), [&](const SnapshotBlock& b) {
            return b.range == before[i].range;
        });
        if (same != after.end()) {
            after.erase(same);
            before.removeAt(i);
        } else {
            ++i;
        }
    }
}

} // namespace

int SnapshotChanges::missingPersistent() const
{
    return int(std::count_if(vanished.cbegin(), vanished.cend(),
                             [](const SnapshotBlock& b) { return b.persistent; }));
}

SnapshotChanges compareBlocks(const QList<SnapshotBlock>& before, const QList<SnapshotBlock>& after)
{
    // Key: persistent blocks by protocol alone (matched by place), runtime ones by owner too.
    using Key = std::tuple<bool, int, QString>;
    std::map<Key, std::pair<QList<SnapshotBlock>, QList<SnapshotBlock>>> groups;
    auto keyOf = [](const SnapshotBlock& b) {
        return Key{b.persistent, int(b.protocol), b.persistent ? QString() : b.owner};
    };
    for (const SnapshotBlock& b : before)
        groups[keyOf(b)].first.append(b);
    for (const SnapshotBlock& b : after)
        groups[keyOf(b)].second.append(b);

    SnapshotChanges changes;
    for (auto& [key, lists] : groups) {
        auto& [old, now] = lists;
        std::sort(old.begin(), old.end(), startsBefore);
        std::sort(now.begin(), now.end(), startsBefore);
        dropUnchanged(old, now);
        qsizetype paired = 0;
        if (!std::get<0>(key)) {
            paired = std::min(old.size(), now.size());
            for (qsizetype i = 0; i < paired; ++i)
                changes.moved.append({old[i].protocol, old[i].owner, old[i].range, now[i].range});
        }
        changes.vanished.append(old.mid(paired));
        changes.appeared.append(now.mid(paired));
    }
    return changes;
}

QString changesToJson(const SnapshotChanges& changes)
{
    if (changes.isEmpty())
        return {};
    QJsonArray appeared, moved, vanished;
    for (const SnapshotBlock& b : changes.appeared)
        appeared.append(blockJson(b));
    for (const SnapshotBlock& b : changes.vanished)
        vanished.append(blockJson(b));
    for (const SnapshotChanges::Moved& m : changes.moved) {
        QJsonObject object = rangeJson(m.protocol, m.from);
        object.insert(QStringLiteral("owner"), m.owner);
        object.insert(QStringLiteral("toStart"), int(m.to.start));
        object.insert(QStringLiteral("toCount"), int(m.to.count));
        moved.append(object);
    }
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("appeared"), appeared},
                                                       {QStringLiteral("moved"), moved},
                                                       {QStringLiteral("vanished"), vanished}})
                                 .toJson(QJsonDocument::Compact));
}

SnapshotChanges changesFromJson(const QString& text)
{
    SnapshotChanges changes;
    if (text.isEmpty())
        return changes;
    const QJsonObject root = QJsonDocument::fromJson(text.toUtf8()).object();
    for (const QJsonValue& v : root.value(QLatin1String("appeared")).toArray())
        changes.appeared.append(blockFrom(v.toObject()));
    for (const QJsonValue& v : root.value(QLatin1String("vanished")).toArray())
        changes.vanished.append(blockFrom(v.toObject()));
    for (const QJsonValue& v : root.value(QLatin1String("moved")).toArray()) {
        const QJsonObject o = v.toObject();
        changes.moved.append({protocolFrom(o), o.value(QLatin1String("owner")).toString(),
                              rangeFrom(o),
                              PortRange{std::uint16_t(o.value(QLatin1String("toStart")).toInt()),
                                        std::uint16_t(o.value(QLatin1String("toCount")).toInt())}});
    }
    return changes;
}

QString toText(SnapshotOrigin origin)
{
    return origin == SnapshotOrigin::Boot ? QStringLiteral("boot") : QStringLiteral("imported");
}

bool dynamicRangeLow(const HostSnapshotRecord& record)
{
    // Linux's own default starts at 32768: the rule is Windows'.
    if (record.osFamily == QLatin1String("linux"))
        return false;
    auto low = [](const PortRange& r) { return r.count != 0 && r.start < kWindowsDynamicStart; };
    return low(record.tcpDynamic) || low(record.udpDynamic);
}

} // namespace portolan
