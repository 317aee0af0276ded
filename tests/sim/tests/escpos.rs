//! quay-sim's network ESC/POS printer over real TCP, driven with hand-written byte streams
//! from partners-contracts.md §7: pages and their PNG, the status bytes, paper faults,
//! strictness, the drawer, one connection at a time, offline, idle close and the binary's
//! line.

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use quay_sim::escpos::{start_in_thread, PrinterConfig, PrinterFaults, PrinterSim, RunningPrinter, Slow};

const ESC: u8 = 0x1B;
const GS: u8 = 0x1D;
const DLE: u8 = 0x10;
const FS: u8 = 0x1C;
const LF: u8 = 0x0A;
const WAIT: Duration = Duration::from_secs(5);

fn printer(name: &str, width: u32, out_dir: Option<PathBuf>) -> RunningPrinter {
    start_in_thread(PrinterSim::new(PrinterConfig { width_dots: width, out_dir, ..PrinterConfig::new(name) }))
}

fn out_dir(test: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("escpos").join(test);
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn connect(addr: SocketAddr) -> TcpStream {
    let s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(WAIT)).unwrap();
    s
}

/// One job: connect, send, close our side, read every answer until the printer closes.
fn job(addr: SocketAddr, bytes: &[u8]) -> Vec<u8> {
    let mut s = connect(addr);
    s.write_all(bytes).unwrap();
    s.shutdown(Shutdown::Write).unwrap();
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    answer
}

/// Reads exactly `n` answer bytes.
fn answer(s: &mut TcpStream, n: usize) -> Vec<u8> {
    let mut b = vec![0; n];
    s.read_exact(&mut b).unwrap();
    b
}

/// The printer closed the connection (EOF or reset) within the read timeout.
fn closed_by_printer(s: &mut TcpStream) -> bool {
    let mut b = [0u8; 64];
    loop {
        match s.read(&mut b) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e) if matches!(e.kind(), ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted) => return true,
            Err(_) => return false,
        }
    }
}

/// `GS v 0 0` with `rows` of `width_bytes`.
fn raster(width_bytes: u16, rows: &[Vec<u8>]) -> Vec<u8> {
    let mut v = vec![GS, b'v', b'0', 0];
    v.extend_from_slice(&width_bytes.to_le_bytes());
    v.extend_from_slice(&(rows.len() as u16).to_le_bytes());
    for r in rows {
        assert_eq!(r.len(), width_bytes as usize);
        v.extend_from_slice(r);
    }
    v
}

fn init_text(text: &str) -> Vec<u8> {
    let mut v = vec![ESC, b'@'];
    v.extend_from_slice(text.as_bytes());
    v.push(LF);
    v
}

#[test]
fn a_page_with_text_and_two_raster_bands_is_one_png() {
    let dir = out_dir("page");
    let p = printer("receipt", 576, Some(dir.clone()));
    let mut band1 = vec![vec![0u8; 72]; 2];
    band1[0][0] = 0x80; // (0, 30)
    band1[1][1] = 0x01; // (15, 31)
    let mut band2 = vec![vec![0u8; 72]; 3];
    band2[2][71] = 0x01; // (575, 34)
    let mut s = init_text("Hello");
    s.extend(raster(72, &band1));
    s.extend(raster(72, &band2));
    s.extend_from_slice(&[GS, b'V', 0]);
    assert_eq!(job(p.addr, &s), b"");
    let pages = p.wait_pages(1, WAIT);
    assert_eq!(pages.len(), 1);
    let page = &pages[0];
    assert_eq!(page.seq, 1);
    assert_eq!(page.text(), "Hello");
    assert_eq!(page.images.len(), 2);
    assert_eq!((page.images[0].x, page.images[0].y, page.images[1].y), (0, 30, 32));
    assert_eq!((page.width_dots, page.height_dots), (576, 35));
    assert!(page.cut.is_some_and(|c| !c.partial));
    let png_path = dir.join("receipt-0001.png");
    assert_eq!(page.png.as_deref(), Some(png_path.as_path()));
    assert_eq!(std::fs::read_to_string(dir.join("receipt-0001.txt")).unwrap(), "Hello\n");

    let mut reader = png::Decoder::new(std::io::Cursor::new(std::fs::read(&png_path).unwrap())).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (576, 35));
    assert_eq!((info.color_type, info.bit_depth), (png::ColorType::Grayscale, png::BitDepth::One));
    let black = |x: usize, y: usize| buf[y * info.line_size + x / 8] & (0x80 >> (x % 8)) == 0;
    let mut blacks = Vec::new();
    for y in 0..35 {
        for x in 0..576 {
            if black(x, y) {
                blacks.push((x, y));
            }
        }
    }
    assert_eq!(blacks, vec![(0, 30), (15, 31), (575, 34)]);
    assert_eq!(p.stats().pages, 1);
    assert_eq!(p.stats().connections, 1);
    assert_eq!(p.stats().bytes, s.len() as u64);
}

#[test]
fn a_cut_after_nothing_is_no_page_and_seq_continues_after_files() {
    let dir = out_dir("seq");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bar-0007.png"), b"old").unwrap();
    let p = printer("bar", 384, Some(dir.clone()));
    let mut s = vec![ESC, b'@', GS, b'V', 1, LF, LF, GS, b'V', 65, 3];
    s.extend(init_text("Ticket"));
    s.extend_from_slice(&[GS, b'V', 66, 4]);
    job(p.addr, &s);
    let pages = p.wait_pages(1, WAIT);
    assert_eq!(pages.len(), 1);
    assert_eq!((pages[0].seq, pages[0].text().as_str()), (8, "Ticket"));
    assert!(pages[0].cut.is_some_and(|c| c.partial && c.feed == 4));
    assert!(dir.join("bar-0008.png").exists());
    assert_eq!(p.stats().empty_cuts, 2);
}

#[test]
fn dle_eot_answers_ready_and_out_of_paper() {
    let p = printer("receipt", 576, None);
    let mut s = connect(p.addr);
    s.write_all(&[DLE, 4, 1, DLE, 4, 2, DLE, 4, 4]).unwrap();
    assert_eq!(answer(&mut s, 3), [0x12, 0x12, 0x12]);
    p.set_faults(PrinterFaults { paper_out: true, ..Default::default() });
    s.write_all(&[DLE, 4, 4, DLE, 4, 2, DLE, 4, 1, DLE, 4, 3]).unwrap();
    assert_eq!(answer(&mut s, 4), [0x7E, 0x32, 0x1A, 0x12]);
    p.set_faults(PrinterFaults { cover_open: true, paper_near_end: true, ..Default::default() });
    s.write_all(&[DLE, 4, 2, DLE, 4, 4]).unwrap();
    assert_eq!(answer(&mut s, 2), [0x16, 0x1E]);
    p.set_faults(PrinterFaults { garbage_status: true, ..Default::default() });
    s.write_all(&[DLE, 4, 1, DLE, 0x14, 7, 1]).unwrap();
    assert_eq!(answer(&mut s, 5), [0xFF; 5]);
    p.set_faults(PrinterFaults::default());
    // The ASB (real-time and GS a n≠0) and GS I.
    s.write_all(&[DLE, 0x14, 7, 1, GS, b'a', 0xFF, GS, b'a', 0, GS, b'I', 1, GS, b'I', 67]).unwrap();
    assert_eq!(answer(&mut s, 9), [0x10, 0, 0, 0, 0x10, 0, 0, 0, 0x20]);
    assert_eq!(answer(&mut s, 13), b"_QUAY-SIM-80\0");
    drop(s);
    assert!(p.errors().is_empty(), "{:?}", p.errors());
}

#[test]
fn out_of_paper_discards_the_job_but_answers_status_and_dle_dc4_pulses() {
    let p = printer("receipt", 576, None);
    p.set_faults(PrinterFaults { paper_out: true, ..Default::default() });
    let mut s = vec![DLE, 4, 4];
    s.extend(init_text("Receipt 1"));
    s.extend_from_slice(&[ESC, b'p', 0, 25, 250, DLE, 0x14, 1, 0, 2, GS, b'I', 1, GS, b'V', 0, DLE, 4, 4]);
    assert_eq!(job(p.addr, &s), [0x7E, 0x7E]);
    assert!(p.wait_pages(1, Duration::from_millis(300)).is_empty());
    assert!(p.pending().is_none());
    let pulses = p.pulses();
    assert_eq!(pulses.len(), 1, "{pulses:?}");
    assert!(pulses[0].realtime && pulses[0].pin == 2 && pulses[0].on_ms == 200);
    assert!(p.stats().discarded >= 6);
    // Paper back: the resent job prints once.
    p.set_faults(PrinterFaults::default());
    let mut s = init_text("Receipt 1");
    s.extend_from_slice(&[GS, b'V', 0]);
    job(p.addr, &s);
    let pages = p.wait_pages(1, WAIT);
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].text(), "Receipt 1");
}

#[test]
fn a_raster_wider_than_the_printer_is_refused_and_nothing_after_it_prints() {
    let p = printer("kitchen", 384, None);
    let mut s = connect(p.addr);
    // 49 bytes = 392 dots > 384; then a cut and a status query that must not be served.
    let mut bytes = vec![ESC, b'@'];
    bytes.extend(raster(49, &[vec![0xFF; 49]]));
    bytes.extend_from_slice(&[GS, b'V', 0, DLE, 4, 1]);
    s.write_all(&bytes).unwrap();
    assert!(closed_by_printer(&mut s));
    let errors = p.wait_errors(1, WAIT);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("392 dots wide, the printer has 384"), "{}", errors[0].message);
    assert_eq!(errors[0].offset, 2);
    assert!(p.pages().is_empty() && p.pending().is_none());
    assert_eq!(p.stats().decode_errors, 1);
    // 48 bytes fit; with a left margin of 8 they do not.
    let mut ok = vec![ESC, b'@', ESC, b'a', 1];
    ok.extend(raster(40, &[vec![0xFF; 40]]));
    ok.extend_from_slice(&[GS, b'V', 0]);
    job(p.addr, &ok);
    let pages = p.wait_pages(1, WAIT);
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].images[0].x, (384 - 320) / 2);
    let mut margin = vec![ESC, b'@', GS, b'L', 8, 0];
    margin.extend(raster(48, &[vec![0xFF; 48]]));
    job(p.addr, &margin);
    assert!(p.wait_errors(2, WAIT)[1].message.contains("left margin 8 + 384"));
}

#[test]
fn an_unknown_command_is_an_error() {
    let p = printer("receipt", 576, None);
    let mut s = connect(p.addr);
    let mut bytes = init_text("before");
    bytes.extend_from_slice(&[ESC, b'X', 1]);
    bytes.extend(init_text("after"));
    bytes.extend_from_slice(&[GS, b'V', 0]);
    s.write_all(&bytes).unwrap();
    assert!(closed_by_printer(&mut s));
    let errors = p.wait_errors(1, WAIT);
    assert!(errors[0].message.contains("unknown command ESC 0x58"), "{}", errors[0].message);
    assert!(p.pages().is_empty());
    // What came before the error was printed (the paper has it), not cut.
    assert_eq!(p.pending().map(|pg| pg.text()), Some("before".into()));
    // Stray control bytes and text left before a cut are errors too.
    job(p.addr, b"\x1b@line\r\n");
    assert!(p.wait_errors(2, WAIT)[1].message.contains("stray byte 0x0D"));
    job(p.addr, b"\x1b@no line feed\x1dV\x00");
    assert!(p.wait_errors(3, WAIT)[2].message.contains("unprinted text"));
    assert_eq!(p.stats().decode_errors, 3);
}

#[test]
fn a_command_cut_by_closing_is_an_error() {
    let p = printer("receipt", 576, None);
    let mut bytes = init_text("x");
    bytes.extend_from_slice(&[GS, b'v', b'0', 0, 10, 0, 4, 0, 0xFF, 0xFF]); // 40 data bytes announced
    job(p.addr, &bytes);
    let errors = p.wait_errors(1, WAIT);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("cut by closing after 10 of 48 bytes"), "{}", errors[0].message);
    assert_eq!(errors[0].offset, 4);
    // The next job starts clean.
    let mut ok = init_text("y");
    ok.extend_from_slice(&[GS, b'V', 0]);
    job(p.addr, &ok);
    assert_eq!(p.wait_pages(1, WAIT)[0].text(), "x\ny");
    assert_eq!(p.errors().len(), 1);
}

#[test]
fn drawer_pulses_are_recorded_with_pin_and_time() {
    let p = printer("receipt", 576, None);
    job(p.addr, &[ESC, b'@', ESC, b'p', 0, 25, 250, ESC, b'p', 49, 50, 10, DLE, 0x14, 1, 1, 8]);
    let pulses = p.pulses();
    assert_eq!(pulses.len(), 3);
    assert_eq!((pulses[0].pin, pulses[0].on_ms, pulses[0].off_ms, pulses[0].realtime), (2, 50, 500, false));
    assert_eq!((pulses[1].pin, pulses[1].on_ms, pulses[1].off_ms), (5, 100, 100));
    assert_eq!((pulses[2].pin, pulses[2].on_ms, pulses[2].realtime), (5, 800, true));
    assert!(pulses[0].at.elapsed().unwrap() < Duration::from_secs(10));
    assert_eq!(p.stats().pulses, 3);
    assert!(p.pages().is_empty(), "a pulse is no page");
    // t1 = 0 is a bad parameter: no pulse.
    job(p.addr, &[ESC, b'p', 0, 0, 250]);
    assert_eq!(p.wait_errors(1, WAIT).len(), 1);
    assert_eq!(p.pulses().len(), 3);
}

#[test]
fn utf8_text_code_pages_and_qr_are_the_page_text() {
    let p = printer("receipt", 576, None);
    let mut s = vec![ESC, b'@', FS, b'(', b'C', 2, 0, 48, 2, GS, b'!', 0x11];
    s.extend_from_slice("Phở bò".as_bytes());
    s.extend_from_slice(&[GS, b'!', 0, LF, FS, b'(', b'C', 2, 0, 48, 1, ESC, b't', 19, ESC, b'E', 1]);
    s.extend_from_slice(b"Caf\x82 5,00 \xd5\n");
    let url = b"https://einvoice.example/r/42";
    s.extend_from_slice(&[GS, b'(', b'k', 4, 0, 49, 65, 50, 0, GS, b'(', b'k', 3, 0, 49, 67, 6, GS, b'(', b'k', 3, 0, 49, 69, 49]);
    s.extend_from_slice(&[GS, b'(', b'k', (url.len() + 3) as u8, 0, 49, 80, 48]);
    s.extend_from_slice(url);
    s.extend_from_slice(&[GS, b'(', b'k', 3, 0, 49, 81, 48, ESC, b'd', 3, GS, b'V', 65, 0]);
    job(p.addr, &s);
    let page = p.wait_pages(1, WAIT).remove(0);
    assert_eq!(page.text(), "Phở bò\nCafé 5,00 €");
    let (l0, l1) = (&page.lines[0], &page.lines[1]);
    assert!(l0.utf8 && (l0.width, l0.height) == (2, 2) && !l0.bold);
    assert!(!l1.utf8 && l1.code_page == 19 && l1.bold && l1.raw == b"Caf\x82 5,00 \xd5");
    assert_eq!(page.qr.len(), 1);
    assert_eq!((page.qr[0].data.as_str(), page.qr[0].size, page.qr[0].error_level), ("https://einvoice.example/r/42", 6, 49));
    assert!(p.errors().is_empty(), "{:?}", p.errors());
}

#[test]
fn graphics_stored_then_printed() {
    let p = printer("receipt", 576, None);
    // GS ( L fn 112: 10 × 2 dots (2 bytes a row), double width; GS 8 L fn 50 prints it.
    let mut s = vec![ESC, b'@', GS, b'(', b'L', 14, 0, 48, 112, 48, 2, 1, 49, 10, 0, 2, 0, 0x80, 0x00, 0x00, 0x40];
    s.extend_from_slice(&[GS, b'8', b'L', 2, 0, 0, 0, 48, 50, GS, b'V', 0]);
    job(p.addr, &s);
    let page = p.wait_pages(1, WAIT).remove(0);
    let img = &page.images[0];
    assert!(img.graphics);
    assert_eq!((img.width(), img.height()), (20, 2));
    assert!(img.dot(0, 0) && img.dot(1, 0) && !img.dot(2, 0) && img.dot(18, 1) && img.dot(19, 1));
    // Printing with nothing stored is an error.
    job(p.addr, &[ESC, b'@', GS, b'(', b'L', 2, 0, 48, 50]);
    assert!(p.wait_errors(1, WAIT)[0].message.contains("none stored"));
}

#[test]
fn one_connection_at_a_time_the_next_waits_its_turn() {
    let p = printer("receipt", 576, None);
    let mut a = connect(p.addr);
    a.write_all(&[DLE, 4, 1]).unwrap();
    assert_eq!(answer(&mut a, 1), [0x12]);
    let mut b = connect(p.addr); // accepted, not served yet
    b.write_all(&[DLE, 4, 1]).unwrap();
    b.set_read_timeout(Some(Duration::from_millis(400))).unwrap();
    let mut byte = [0u8; 1];
    assert!(b.read(&mut byte).is_err(), "served while another connection is open");
    drop(a);
    b.set_read_timeout(Some(WAIT)).unwrap();
    assert_eq!(answer(&mut b, 1), [0x12]);
    assert_eq!(p.stats().connections, 2);
}

#[test]
fn offline_refuses_connections_and_closes_the_open_one() {
    let p = printer("receipt", 576, None);
    let mut open = connect(p.addr);
    p.set_faults(PrinterFaults { offline: true, ..Default::default() });
    assert!(closed_by_printer(&mut open));
    let deadline = Instant::now() + WAIT;
    loop {
        match TcpStream::connect(p.addr) {
            Err(e) if e.kind() == ErrorKind::ConnectionRefused => break,
            _ if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            r => panic!("still accepting: {r:?}"),
        }
    }
    p.set_faults(PrinterFaults::default());
    let deadline = Instant::now() + WAIT;
    let mut s = loop {
        match TcpStream::connect(p.addr) {
            Ok(s) => break s,
            Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => panic!("back online: {e}"),
        }
    };
    s.set_read_timeout(Some(WAIT)).unwrap();
    s.write_all(&[DLE, 4, 1]).unwrap();
    assert_eq!(answer(&mut s, 1), [0x12]);
}

#[test]
fn idle_slow_and_dropped_connections() {
    let sim = PrinterSim::new(PrinterConfig { idle_timeout: Duration::from_millis(300), ..PrinterConfig::new("receipt") });
    let p = start_in_thread(sim);
    let mut idle = connect(p.addr);
    idle.write_all(&[ESC, b'@']).unwrap();
    let t = Instant::now();
    assert!(closed_by_printer(&mut idle));
    assert!(t.elapsed() >= Duration::from_millis(250), "{:?}", t.elapsed());
    assert_eq!(p.stats().idle_closed, 1);
    assert!(p.errors().is_empty());

    p.set_faults(PrinterFaults { slow: Some(Slow { every_bytes: 4, delay_ms: 50 }), ..Default::default() });
    let mut s = init_text("slow"); // 7 bytes
    s.extend_from_slice(&[GS, b'V', 0]); // 10 bytes: 3 reads, 2 delays at least
    let t = Instant::now();
    job(p.addr, &s);
    assert_eq!(p.wait_pages(1, WAIT).len(), 1);
    assert!(t.elapsed() >= Duration::from_millis(100), "{:?}", t.elapsed());

    p.set_faults(PrinterFaults { drop_after_bytes: Some(5), ..Default::default() });
    let mut c = connect(p.addr);
    c.write_all(&s).unwrap();
    assert!(closed_by_printer(&mut c));
    assert_eq!(p.stats().dropped, 1);
    assert_eq!(p.pages().len(), 1, "the dropped job did not print");
    assert!(p.errors().is_empty(), "{:?}", p.errors());
}

#[test]
fn the_binary_prints_one_line_per_printer() {
    let dir = out_dir("binary");
    let receipt = format!("receipt@{}", dir.display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_quay-sim"))
        .args(["--items", "3", "--printer", &receipt, "--printer", "kitchen:58"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut lines = Vec::new();
    for _ in 0..3 {
        let mut l = String::new();
        out.read_line(&mut l).unwrap();
        lines.push(l.trim_end().to_string());
    }
    assert!(lines[0].starts_with("hub: http://127.0.0.1:"), "{lines:?}");
    let url = lines[1].strip_prefix("printer-receipt: tcp://").unwrap_or_else(|| panic!("{lines:?}"));
    assert!(lines[2].starts_with("printer-kitchen: tcp://127.0.0.1:"), "{lines:?}");
    let addr: SocketAddr = url.parse().unwrap();
    let mut s = init_text("from the binary");
    s.extend_from_slice(&[GS, b'V', 0]);
    job(addr, &s);
    let png = dir.join("receipt-0001.png");
    let deadline = Instant::now() + WAIT;
    while !png.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(png.exists());
    assert_eq!(std::fs::read_to_string(dir.join("receipt-0001.txt")).unwrap(), "from the binary\n");
    let bad = Command::new(env!("CARGO_BIN_EXE_quay-sim")).args(["--items", "3", "--printer", "x:500"]).output().unwrap();
    assert!(!bad.status.success());
}
