// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/fleet/snapshotimport.h"

#include <QDir>
#include <QFileInfo>

namespace portolan {
namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

QDateTime fromSeconds(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

} // namespace

HostSnapshotRecord recordFromSnapshot(const HostSnapshot& snapshot, SnapshotOrigin origin)
{
    HostSnapshotRecord r;
    r.host = fromStd(snapshot.host);
    if (snapshot.bootTime)
        r.bootTime = fromSeconds(*snapshot.bootTime);
    r.gatheredAt = fromSeconds(snapshot.gatheredAt);
    r.origin = origin;
    r.osFamily = fromStd(snapshot.os.family);
    r.osName = fromStd(snapshot.os.name);
    r.osVersion = fromStd(snapshot.os.version);
    r.backend = fromStd(snapshot.backend);
    r.elevated = snapshot.elevated;
    r.tcpDynamic = snapshot.dynamicTcp.value_or(PortRange{});
    r.udpDynamic = snapshot.dynamicUdp.value_or(PortRange{});
    for (const auto* list : {&snapshot.persistent, &snapshot.runtime}) {
        for (const ReservedBlock& b : *list)
            r.blocks.append({b.protocol, b.range, list == &snapshot.persistent, b.token,
                             fromStd(b.owner), fromStd(b.ownerEvidence)});
    }
    r.document = fromStd(snapshotToJson(snapshot));
    return r;
}

Result<HostSnapshot> snapshotOfRecord(const HostSnapshotRecord& record)
{
    const QByteArray utf8 = record.document.toUtf8();
    const QByteArray source = record.host.toUtf8();
    return snapshotFromJson(std::string_view(utf8.constData(), std::size_t(utf8.size())),
                            std::string_view(source.constData(), std::size_t(source.size())));
}

bool SnapshotImport::isSnapshotText(const QString& text)
{
    // The schema id comes first in every document Portolan writes; a hand-made one may put
    // it anywhere, so the whole text is looked at.
    return text.contains(QLatin1String("\"") + QLatin1String(kSnapshotSchemaId.data()) +
                         QLatin1String("\""));
}

Result<QStringList> SnapshotImport::expand(const QStringList& arguments)
{
    QStringList files;
    for (const QString& argument : arguments) {
        const QFileInfo info(argument);
        if (info.isDir()) {
            const QStringList names =
                QDir(argument).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
            if (names.isEmpty())
                return Error::make(ErrorKind::InvalidArgument,
                                   tr("%1: the folder has no .json file; allowed: snapshot files "
                                      "(portolan-cli snapshot) or a folder of them")
                                       .arg(argument)
                                       .toStdString());
            for (const QString& name : names)
                files << QDir(argument).filePath(name);
        } else if (info.isFile()) {
            files << argument;
        } else {
            return Error{ErrorKind::IoError,
                         0,
                         {},
                         tr("%1: no such file or folder").arg(argument).toStdString()};
        }
    }
    return files;
}

Result<SnapshotFile> SnapshotImport::read(const QString& path, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    const QByteArray source = path.toUtf8();
    auto parsed =
        snapshotFromJson(std::string_view(utf8.constData(), std::size_t(utf8.size())),
                         std::string_view(source.constData(), std::size_t(source.size())));
    if (!parsed)
        return parsed.error();
    return SnapshotFile{path, recordFromSnapshot(parsed.value())};
}

} // namespace portolan
