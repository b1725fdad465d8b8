#pragma once

#include <QMessageBox>

namespace SeqDrop {

class SampleUpload;

// A failed sample's error: the technician's sentence on top, what to do next, and the
// technical detail (status codes, server answer) behind "Show Details…" for support.
class ErrorDetailsDialog : public QMessageBox {
    Q_OBJECT
public:
    explicit ErrorDetailsDialog(const SampleUpload *sample, QWidget *parent = nullptr);
};

} // namespace SeqDrop
