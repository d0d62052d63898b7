// SPDX-License-Identifier: GPL-3.0-or-later
// pngcheck FILE WIDTH HEIGHT: exits 0 when FILE is an image of WIDTH x HEIGHT pixels that is
// not blank (a window with text, icons and a table has many colours), 1 otherwise, saying why.

#include <QImage>
#include <QSet>
#include <QString>

#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: pngcheck FILE WIDTH HEIGHT\n");
        return 2;
    }
    const QString file = QString::fromLocal8Bit(argv[1]);
    const QSize expected(QString::fromLatin1(argv[2]).toInt(), QString::fromLatin1(argv[3]).toInt());
    const QImage image(file);
    if (image.isNull()) {
        std::fprintf(stderr, "pngcheck: %s is not a readable image\n", argv[1]);
        return 1;
    }
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    std::printf("pngcheck: %s: %dx%d, %lld colours\n", argv[1], image.width(), image.height(),
                static_cast<long long>(colours.size()));
    if (image.size() != expected) {
        std::fprintf(stderr, "pngcheck: expected %dx%d\n", expected.width(), expected.height());
        return 1;
    }
    if (colours.size() <= 50) {
        std::fprintf(stderr, "pngcheck: blank or nearly so\n");
        return 1;
    }
    return 0;
}
